package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegisteredInterceptorTest {

    @TempDir
    Path dataDirectory;

    /** What an EHR in front of its FHIR API does: no expected bearer token, 401; the CapabilityStatement stays public. */
    static final class RequiredBearerToken {
        private final String expected;

        RequiredBearerToken(String expected) {
            this.expected = expected;
        }

        @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
        void demandToken(RequestDetails request) {
            if (request.getRestOperationType() != RestOperationTypeEnum.METADATA
                    && !("Bearer " + expected).equals(request.getHeader("Authorization"))) {
                throw new AuthenticationException("bearer token required");
            }
        }
    }

    @Test
    void aRegisteredInterceptorGuardsEveryRequest() {
        try (SandboxFhirServer server = new SandboxFhirServer(RunningSandbox.settingsFor(dataDirectory))
                .registerInterceptor(new RequiredBearerToken("token-1"))) {
            server.start();
            IGenericClient anonymous = RunningSandbox.clientOf(server);
            IGenericClient authorised = RunningSandbox.clientOf(server);
            authorised.registerInterceptor(new BearerTokenAuthInterceptor("token-1"));

            AuthenticationException refused = assertThrows(AuthenticationException.class,
                    () -> anonymous.create().resource(new Patient()).execute());
            assertEquals(401, refused.getStatusCode());
            assertTrue(authorised.create().resource(new Patient()).execute().getCreated());
        }
    }

    @Test
    void interceptorsCannotBeAddedToARunningServer() {
        try (SandboxFhirServer server = RunningSandbox.start(dataDirectory)) {
            assertThrows(IllegalStateException.class, () -> server.registerInterceptor(new RequiredBearerToken("x")));
        }
    }
}
