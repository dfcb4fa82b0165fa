package org.medrelay.processors.fhir.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How MedRelay authenticates to the EHR's FHIR API, read from the {@code medrelay.fhir.auth.*} properties
 * ({@link FhirAuthProperties} names them and gives the defaults).
 *
 * @param type               none, OAuth2 client credentials with a secret, or SMART Backend Services
 * @param tokenUrl           the token endpoint, or null to discover it from {@code <fhir-base>/.well-known/smart-configuration}
 * @param clientId           the client id the EHR registered MedRelay under
 * @param clientSecret       client-credentials only
 * @param clientSecretMethod client-credentials only: HTTP Basic or form parameters
 * @param scope              space-separated scopes, or null; SMART requires it (e.g. {@code system/Patient.cu})
 * @param privateKey         SMART only: PKCS#8 PEM file or PKCS12 keystore
 * @param privateKeyPassword SMART only: the PKCS12 password, or null
 * @param keyId              SMART only: the JWT {@code kid}, as registered with the EHR
 * @param algorithm          SMART only: RS384 or ES384, or null to take the one that fits the key
 * @param jwkSetUrl          SMART only: the JWT {@code jku}, or null
 * @param tokenRefreshSkew   how long before {@code expires_in} runs out a token is replaced
 * @param tokenTimeout       connect and response timeout of token and discovery requests
 */
public record FhirAuthSettings(
        FhirAuthType type, URI tokenUrl, String clientId, String clientSecret, ClientSecretMethod clientSecretMethod,
        String scope, Path privateKey, String privateKeyPassword, String keyId, String algorithm, URI jwkSetUrl,
        Duration tokenRefreshSkew, Duration tokenTimeout) {

    /** No authentication: the sandbox EHR. */
    public static final FhirAuthSettings NONE = new FhirAuthSettings(FhirAuthType.NONE, null, null, null,
            ClientSecretMethod.BASIC, null, null, null, null, null, null,
            FhirAuthProperties.DEFAULT_REFRESH_SKEW, FhirAuthProperties.DEFAULT_TOKEN_TIMEOUT);

    public FhirAuthSettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clientSecretMethod, "clientSecretMethod");
        Objects.requireNonNull(tokenRefreshSkew, "tokenRefreshSkew");
        Objects.requireNonNull(tokenTimeout, "tokenTimeout");
    }

    /**
     * @param properties the engine's properties (full names, {@code medrelay.fhir.auth.type}, ...); absent and
     *                   blank values take the documented defaults
     * @throws FhirAuthConfigurationException naming the property that is missing or wrong
     */
    public static FhirAuthSettings fromProperties(Map<String, String> properties) {
        return FhirAuthProperties.read(properties);
    }

    /** Leaves out the client secret and the key password. */
    @Override
    public String toString() {
        return "FhirAuthSettings[type=" + type.propertyValue() + ", tokenUrl=" + (tokenUrl == null ? "(discovered)" : tokenUrl)
                + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "(none)" : "(set)")
                + ", clientSecretMethod=" + clientSecretMethod.propertyValue() + ", scope=" + scope
                + ", privateKey=" + privateKey + ", keyId=" + keyId + ", algorithm=" + algorithm + ", jwkSetUrl=" + jwkSetUrl
                + ", tokenRefreshSkew=" + tokenRefreshSkew + ", tokenTimeout=" + tokenTimeout + "]";
    }
}
