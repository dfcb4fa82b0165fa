package org.medrelay.processors.fhir.auth;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.fhir.FhirBundleWriter;
import org.medrelay.processors.testing.MutableClock;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientCredentialsTest {

    private static final String CLIENT_ID = "medrelay-engine";
    private static final String SECRET = "s3cr3t:with/odd=chars";
    private static final String SCOPE = "system/Patient.cu system/Encounter.cu";
    private static final String MRN_SYSTEM = "urn:oid:2.16.840.1.113883.3.4711.2.1";

    private static ProtectedEhr ehr;
    private TestTokenEndpoint tokens;

    @BeforeAll
    static void startEhr() {
        ehr = new ProtectedEhr();
    }

    @AfterAll
    static void stopEhr() {
        ehr.close();
    }

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        startTokenEndpoint(Clock.systemUTC());
    }

    private void startTokenEndpoint(Clock clock) throws IOException {
        if (tokens != null) {
            tokens.close();
        }
        tokens = TestTokenEndpoint.start(clock).expectClientSecret(CLIENT_ID, SECRET, ClientSecretMethod.BASIC);
        ehr.trust(tokens);
        ehr.forget();
    }

    @AfterEach
    void stopTokenEndpoint() {
        tokens.close();
    }

    private Map<String, String> properties(String clientAuth, String secret) {
        Map<String, String> properties = new HashMap<>();
        properties.put("medrelay.fhir.auth.type", "client-credentials");
        properties.put("medrelay.fhir.auth.token-url", tokens.tokenUrl().toString());
        properties.put("medrelay.fhir.auth.client-id", CLIENT_ID);
        properties.put("medrelay.fhir.auth.client-secret", secret);
        properties.put("medrelay.fhir.auth.client-auth", clientAuth);
        properties.put("medrelay.fhir.auth.scope", SCOPE);
        return properties;
    }

    private IGenericClient client(Map<String, String> properties, Clock clock) {
        return ehr.clientWith(FhirAuthInterceptorFactory.create(
                FhirAuthSettings.fromProperties(properties), ehr.baseUrl(), clock).orElseThrow());
    }

    private static Patient patient(String mrn) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(MRN_SYSTEM).setValue(mrn);
        patient.addName().setFamily("Lovelace").addGiven("Ada");
        return patient;
    }

    @Test
    void basicClientSecretGetsATokenThatEveryFhirRequestCarries() {
        IGenericClient client = client(properties("basic", SECRET), Clock.systemUTC());

        String id = client.create().resource(patient("MRN-1001")).execute().getId().toUnqualifiedVersionless().getValue();
        client.read().resource(Patient.class).withUrl(id).execute();
        client.search().forResource(Patient.class).returnBundle(Bundle.class).execute();

        assertEquals(List.of("Bearer token-1", "Bearer token-1", "Bearer token-1"), ehr.authorizations());
        assertEquals(1, tokens.tokensIssued());
        assertEquals(SCOPE, tokens.forms().get(0).get("scope"));
        assertNull(tokens.forms().get(0).get("client_secret"), "Basic keeps the secret out of the form");
    }

    @Test
    void postClientSecretSendsIdAndSecretInTheForm() throws IOException {
        tokens.close();
        tokens = TestTokenEndpoint.start().expectClientSecret(CLIENT_ID, SECRET, ClientSecretMethod.POST);
        ehr.trust(tokens);
        IGenericClient client = client(properties("post", SECRET), Clock.systemUTC());

        assertTrue(client.create().resource(patient("MRN-1002")).execute().getCreated());

        Map<String, String> form = tokens.forms().get(0);
        assertEquals("client_credentials", form.get("grant_type"));
        assertEquals(CLIENT_ID, form.get("client_id"));
        assertEquals(SECRET, form.get("client_secret"));
        assertEquals(List.of("Bearer token-1"), ehr.authorizations());
    }

    @Test
    void tokenIsReusedUntilShortlyBeforeItExpiresThenReplaced() throws IOException {
        MutableClock clock = new MutableClock(java.time.Instant.now());
        startTokenEndpoint(clock);
        tokens.issueTokensFor(Duration.ofSeconds(120));
        Map<String, String> properties = properties("basic", SECRET);
        properties.put("medrelay.fhir.auth.token-refresh-skew-seconds", "30");
        IGenericClient client = client(properties, clock);

        client.create().resource(patient("MRN-1003")).execute();
        clock.advance(Duration.ofSeconds(89));
        client.create().resource(patient("MRN-1004")).execute();
        assertEquals(1, tokens.tokensIssued(), "89 s in, the 120 s token is still 31 s from expiry: reused");

        clock.advance(Duration.ofSeconds(2));
        client.create().resource(patient("MRN-1005")).execute();

        assertEquals(2, tokens.tokensIssued(), "91 s in, it is within the 30 s skew: replaced");
        assertEquals(List.of("Bearer token-1", "Bearer token-1", "Bearer token-2"), ehr.authorizations());
    }

    @Test
    void aRevokedTokenIsReplacedOnceAndTheBundleWriteRetried() {
        FhirBundleWriter writer = new FhirBundleWriter(ProtectedEhr.FHIR, client(properties("basic", SECRET), Clock.systemUTC()));
        writer.write(admission("MRN-2001"));

        tokens.revokeAll();
        List<String> written = writer.write(admission("MRN-2002"));

        assertEquals(2, tokens.tokensIssued());
        assertEquals(List.of("Bearer token-1", "Bearer token-1", "Bearer token-2"), ehr.authorizations());
        assertEquals(1, ehr.refusals());
        IGenericClient reader = client(properties("basic", SECRET), Clock.systemUTC());
        Patient stored = reader.read().resource(Patient.class).withUrl(written.get(0)).execute();
        assertEquals("MRN-2002", stored.getIdentifierFirstRep().getValue(), "the retried PUT carried its body");
    }

    @Test
    void aSecondRefusalReachesTheCallerAfterOneRetry() {
        IGenericClient client = client(properties("basic", SECRET), Clock.systemUTC());
        ehr.trust(null);

        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> client.create().resource(patient("MRN-1006")).execute());

        assertEquals(401, refused.getStatusCode());
        assertEquals(2, tokens.tokensIssued(), "one token, then one replacement");
        assertEquals(2, ehr.refusals(), "the request and its single retry");
    }

    @Test
    void wrongSecretNamesTheTokenEndpointAndTheOAuthErrorButNotTheSecret() {
        String wrongSecret = "n0t-the-Secret";
        IGenericClient client = client(properties("basic", wrongSecret), Clock.systemUTC());

        TokenRequestException failure = assertThrows(TokenRequestException.class,
                () -> client.create().resource(patient("MRN-1007")).execute());

        assertEquals(tokens.tokenUrl(), failure.tokenUrl());
        assertEquals(401, failure.httpStatus());
        assertEquals("invalid_client", failure.error());
        assertTrue(failure.getMessage().contains(tokens.tokenUrl().toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("invalid_client"), failure.getMessage());
        assertFalse(failure.getMessage().contains(wrongSecret));
        assertTrue(ehr.authorizations().isEmpty(), "nothing reached the EHR without a token");
    }

    @Test
    void anUnreachableTokenEndpointIsNamedInTheError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> properties = properties("basic", SECRET);
        properties.put("medrelay.fhir.auth.token-url", "http://127.0.0.1:" + closedPort + "/oauth/token");
        IGenericClient client = client(properties, Clock.systemUTC());

        TokenRequestException failure = assertThrows(TokenRequestException.class,
                () -> client.create().resource(patient("MRN-1008")).execute());

        assertTrue(failure.getMessage().startsWith("token request to http://127.0.0.1:" + closedPort + "/oauth/token failed"),
                failure.getMessage());
    }

    @Test
    void consumersSharingTheClientWaitForOneTokenRequest() throws Exception {
        tokens.answerAfter(Duration.ofMillis(300));
        IGenericClient client = client(properties("basic", SECRET), Clock.systemUTC());
        int consumers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(consumers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < consumers; i++) {
                String mrn = "MRN-30" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return client.create().resource(patient(mrn)).execute().getCreated();
                }));
            }
            go.countDown();
            for (Future<Boolean> result : results) {
                assertTrue(result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, tokens.tokensIssued());
        assertEquals(consumers, ehr.authorizations().size());
        assertTrue(ehr.authorizations().stream().allMatch("Bearer token-1"::equals));
    }

    /** What the HL7 mapping hands the writer for an ADT: a conditional PUT on the MRN. */
    private static Bundle admission(String mrn) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(patient(mrn))
                .getRequest().setMethod(HTTPVerb.PUT).setUrl("Patient?identifier=" + MRN_SYSTEM + "|" + mrn);
        return bundle;
    }
}
