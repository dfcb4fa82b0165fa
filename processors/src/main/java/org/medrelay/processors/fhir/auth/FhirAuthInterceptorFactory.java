package org.medrelay.processors.fhir.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the HAPI client interceptor that authenticates MedRelay to the EHR, from {@link FhirAuthSettings}:
 * nothing for {@code none}, else a {@link BearerTokenInterceptor} fed by the client credentials grant with a
 * client secret or, for SMART Backend Services, a signed JWT.
 *
 * <pre>{@code
 * FhirAuthInterceptorFactory.create(FhirAuthSettings.fromProperties(properties), baseUrl)
 *         .ifPresent(client::registerInterceptor);
 * }</pre>
 *
 * A SMART private key is read here, so a wrong path or password stops the engine at start; the token
 * endpoint and the discovery document are first asked when the first request goes to the EHR.
 */
public final class FhirAuthInterceptorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(FhirAuthInterceptorFactory.class);

    private FhirAuthInterceptorFactory() {
    }

    public static Optional<BearerTokenInterceptor> fromProperties(Map<String, String> properties, String fhirBaseUrl) {
        return create(FhirAuthSettings.fromProperties(properties), fhirBaseUrl);
    }

    public static Optional<BearerTokenInterceptor> create(FhirAuthSettings settings, String fhirBaseUrl) {
        return create(settings, fhirBaseUrl, Clock.systemUTC());
    }

    static Optional<BearerTokenInterceptor> create(FhirAuthSettings settings, String fhirBaseUrl, Clock clock) {
        if (settings.type() == FhirAuthType.NONE) {
            return Optional.empty();
        }
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on plain http, which some token endpoints refuse.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.tokenTimeout())
                .build();
        TokenEndpointLocation endpoint = settings.tokenUrl() != null
                ? configured(settings.tokenUrl())
                : new SmartConfigurationDiscovery(fhirBaseUrl, http, settings.tokenTimeout());
        ClientCredentialsGrant grant = new ClientCredentialsGrant(endpoint, clientAuthentication(settings, clock),
                settings.scope(), new TokenEndpointClient(http, settings.tokenTimeout(), clock));
        LOG.info("Requests to the EHR authenticate with {}", settings);
        return Optional.of(new BearerTokenInterceptor(new AccessTokenCache(grant, clock, settings.tokenRefreshSkew())));
    }

    private static TokenEndpointLocation configured(URI tokenUrl) {
        return () -> tokenUrl;
    }

    private static ClientAuthentication clientAuthentication(FhirAuthSettings settings, Clock clock) {
        if (settings.type() == FhirAuthType.CLIENT_CREDENTIALS) {
            return new ClientSecretAuthentication(settings.clientSecretMethod(), settings.clientId(), settings.clientSecret());
        }
        PrivateKey key = PrivateKeyFile.read(settings.privateKey(), settings.privateKeyPassword(), settings.keyId());
        return new PrivateKeyJwtAuthentication(settings.clientId(), settings.keyId(), settings.jwkSetUrl(),
                ClientSigningKey.of(key, settings.algorithm()), clock);
    }
}
