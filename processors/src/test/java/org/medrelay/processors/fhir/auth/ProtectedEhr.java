package org.medrelay.processors.fhir.auth;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox HAPI FHIR server guarded as an EHR guards its FHIR API: every request but the CapabilityStatement
 * needs a bearer token the token endpoint issued and has not revoked, else 401. It publishes
 * {@code .well-known/smart-configuration} pointing at that token endpoint, as SMART servers do.
 */
final class ProtectedEhr implements AutoCloseable {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    private final SandboxFhirServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile TestTokenEndpoint issuer;

    ProtectedEhr() {
        String database = "jdbc:h2:mem:ehr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        server = new SandboxFhirServer(SandboxFhirSettings.of(database, "127.0.0.1", 0, "/fhir"), FHIR)
                .registerInterceptor(this);
        server.start();
        // The engine turns the CapabilityStatement check off too (EngineComponents.fhirClient).
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    }

    /** Tokens from this endpoint are the ones accepted from now on. */
    void trust(TestTokenEndpoint tokenEndpoint) {
        this.issuer = tokenEndpoint;
    }

    String baseUrl() {
        return server.getBaseUrl();
    }

    IGenericClient clientWith(BearerTokenInterceptor interceptor) {
        IGenericClient client = FHIR.newRestfulGenericClient(baseUrl());
        client.registerInterceptor(interceptor);
        return client;
    }

    /** The Authorization header of every request that reached the FHIR server, in order. */
    List<String> authorizations() {
        return authorizations;
    }

    int refusals() {
        return refusals.get();
    }

    void forget() {
        authorizations.clear();
        refusals.set(0);
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean serveSmartConfiguration(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/.well-known/smart-configuration".equals(request.getPathInfo())) {
            return true;
        }
        String tokenUrl = issuer == null ? "" : issuer.tokenUrl().toString();
        byte[] body = ("{\"token_endpoint\":\"" + tokenUrl + "\","
                + "\"token_endpoint_auth_methods_supported\":[\"private_key_jwt\",\"client_secret_basic\"],"
                + "\"grant_types_supported\":[\"client_credentials\"]}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("application/json");
        response.getOutputStream().write(body);
        return false;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public void demandBearerToken(RequestDetails request) {
        if (request.getRestOperationType() == RestOperationTypeEnum.METADATA) {
            return;
        }
        String authorization = request.getHeader("Authorization");
        authorizations.add(String.valueOf(authorization));
        TestTokenEndpoint trusted = issuer;
        if (authorization == null || !authorization.startsWith("Bearer ") || trusted == null
                || !trusted.accepts(authorization.substring("Bearer ".length()))) {
            refusals.incrementAndGet();
            throw new AuthenticationException("a valid bearer token is required");
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
