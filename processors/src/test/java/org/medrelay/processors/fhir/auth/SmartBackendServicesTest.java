package org.medrelay.processors.fhir.auth;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmartBackendServicesTest {

    private static final String CLIENT_ID = "medrelay-engine";
    private static final String KEY_ID = "medrelay-2026-11";
    private static final String SCOPE = "system/Patient.cu system/Encounter.cu";

    private static ProtectedEhr ehr;
    private TestTokenEndpoint tokens;

    @TempDir
    Path keys;

    @BeforeAll
    static void startEhr() {
        ehr = new ProtectedEhr();
    }

    @AfterAll
    static void stopEhr() {
        ehr.close();
    }

    @AfterEach
    void stopTokenEndpoint() {
        if (tokens != null) {
            tokens.close();
        }
    }

    private void startTokenEndpointFor(PublicKey publicKey) throws IOException {
        tokens = TestTokenEndpoint.start().expectClientAssertion(CLIENT_ID, KEY_ID, publicKey);
        ehr.trust(tokens);
        ehr.forget();
    }

    private Map<String, String> properties(Path privateKey) {
        Map<String, String> properties = new HashMap<>();
        properties.put("medrelay.fhir.auth.type", "smart-backend-services");
        properties.put("medrelay.fhir.auth.token-url", tokens.tokenUrl().toString());
        properties.put("medrelay.fhir.auth.client-id", CLIENT_ID);
        properties.put("medrelay.fhir.auth.scope", SCOPE);
        properties.put("medrelay.fhir.auth.private-key", privateKey.toString());
        properties.put("medrelay.fhir.auth.key-id", KEY_ID);
        return properties;
    }

    private static IGenericClient client(Map<String, String> properties) {
        return ehr.clientWith(FhirAuthInterceptorFactory.fromProperties(properties, ehr.baseUrl()).orElseThrow());
    }

    private static boolean createsAPatient(IGenericClient client) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:oid:2.16.840.1.113883.3.4711.2.1").setValue("MRN-4001");
        return client.create().resource(patient).execute().getCreated();
    }

    @Test
    void rs384AssertionSignedWithAPkcs8PemKeyIsAccepted() throws Exception {
        KeyPair rsa = TestKeys.rsa();
        startTokenEndpointFor(rsa.getPublic());

        assertTrue(createsAPatient(client(properties(TestKeys.pkcs8Pem(rsa, keys.resolve("client.pem"))))));

        assertEquals(1, tokens.tokensIssued());
        assertEquals(List.of("Bearer token-1"), ehr.authorizations());
        assertTrue(tokens.assertionHeaders().get(0).contains("\"alg\":\"RS384\""), tokens.assertionHeaders().get(0));
        assertEquals(SCOPE, tokens.forms().get(0).get("scope"));
        assertFalse(tokens.forms().get(0).containsKey("client_secret"));
    }

    @Test
    void es384AssertionSignedWithAnEcKeyFromAPkcs12KeystoreIsAccepted() throws Exception {
        Path keystore = TestKeys.pkcs12WithEcKey(keys.resolve("client.p12"), KEY_ID, "keystore-pass");
        startTokenEndpointFor(TestKeys.publicKeyIn(keystore, KEY_ID, "keystore-pass"));
        Map<String, String> properties = properties(keystore);
        properties.put("medrelay.fhir.auth.private-key-password", "keystore-pass");

        assertTrue(createsAPatient(client(properties)));

        assertEquals(1, tokens.tokensIssued());
        assertTrue(tokens.assertionHeaders().get(0).contains("\"alg\":\"ES384\""), tokens.assertionHeaders().get(0));
    }

    @Test
    void es384IsTakenForAnEcP384PemKeyAndCanBeNamedExplicitly() throws Exception {
        KeyPair ec = TestKeys.ec("secp384r1");
        startTokenEndpointFor(ec.getPublic());
        Map<String, String> properties = properties(TestKeys.pkcs8Pem(ec, keys.resolve("client-ec.pem")));
        properties.put("medrelay.fhir.auth.algorithm", "ES384");

        assertTrue(createsAPatient(client(properties)));
        assertEquals(1, tokens.tokensIssued());
    }

    @Test
    void theTokenEndpointIsDiscoveredFromSmartConfiguration() throws Exception {
        KeyPair rsa = TestKeys.rsa();
        startTokenEndpointFor(rsa.getPublic());
        Map<String, String> properties = properties(TestKeys.pkcs8Pem(rsa, keys.resolve("client.pem")));
        properties.remove("medrelay.fhir.auth.token-url");

        assertTrue(createsAPatient(client(properties)));

        assertEquals(1, tokens.tokensIssued(), "the assertion's aud was the discovered token URL");
        assertEquals(List.of("Bearer token-1"), ehr.authorizations());
    }

    @Test
    void everyTokenRequestCarriesAFreshAssertionAndTheJkuWhenConfigured() throws Exception {
        KeyPair rsa = TestKeys.rsa();
        startTokenEndpointFor(rsa.getPublic());
        Map<String, String> properties = properties(TestKeys.pkcs8Pem(rsa, keys.resolve("client.pem")));
        properties.put("medrelay.fhir.auth.jku", "https://medrelay.example.org/.well-known/jwks.json");
        IGenericClient client = client(properties);

        createsAPatient(client);
        tokens.revokeAll();
        createsAPatient(client);

        assertEquals(2, tokens.tokensIssued(), "the endpoint refuses a replayed jti, so the second assertion was new");
        assertEquals(List.of("Bearer token-1", "Bearer token-1", "Bearer token-2"), ehr.authorizations());
        assertTrue(tokens.assertionHeaders().get(1).contains("\"jku\":\"https://medrelay.example.org/.well-known/jwks.json\""),
                tokens.assertionHeaders().get(1));
    }

    @Test
    void anAssertionSignedWithAnotherKeyIsRefusedWithTheOAuthError() throws Exception {
        startTokenEndpointFor(TestKeys.rsa().getPublic());
        IGenericClient client = client(properties(TestKeys.pkcs8Pem(TestKeys.rsa(), keys.resolve("other.pem"))));

        TokenRequestException failure = assertThrows(TokenRequestException.class, () -> createsAPatient(client));

        assertEquals("invalid_client", failure.error());
        assertEquals("token request to " + tokens.tokenUrl() + " failed: HTTP 401, error invalid_client (signature does not verify)",
                failure.getMessage());
    }

    @Test
    void aFailedDiscoveryNamesTheDocumentAndTheTokenUrlProperty() throws Exception {
        KeyPair rsa = TestKeys.rsa();
        startTokenEndpointFor(rsa.getPublic());
        Map<String, String> properties = properties(TestKeys.pkcs8Pem(rsa, keys.resolve("client.pem")));
        properties.remove("medrelay.fhir.auth.token-url");
        String elsewhere = ehr.baseUrl() + "/Patient";
        IGenericClient client = ehr.clientWith(FhirAuthInterceptorFactory.fromProperties(properties, elsewhere).orElseThrow());

        FhirAuthException failure = assertThrows(FhirAuthException.class, () -> createsAPatient(client));

        assertTrue(failure.getMessage().startsWith("SMART configuration discovery at " + elsewhere
                + "/.well-known/smart-configuration failed: HTTP 4"), failure.getMessage());
        assertTrue(failure.getMessage().contains("medrelay.fhir.auth.token-url"), failure.getMessage());
    }

    @Test
    void keysThatCannotSignAreRefusedAtStartWithThePropertyNamed() throws Exception {
        tokens = TestTokenEndpoint.start();
        Path p256 = TestKeys.pkcs8Pem(TestKeys.ec("secp256r1"), keys.resolve("p256.pem"));
        Path rsa = TestKeys.pkcs8Pem(TestKeys.rsa(), keys.resolve("rsa.pem"));
        Path pkcs1 = Files.writeString(keys.resolve("pkcs1.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        Path keystore = TestKeys.pkcs12WithEcKey(keys.resolve("client.p12"), KEY_ID, "keystore-pass");

        assertRefused(properties(p256), "ES384 needs one on P-384");
        Map<String, String> rsaAsEs384 = properties(rsa);
        rsaAsEs384.put("medrelay.fhir.auth.algorithm", "ES384");
        assertRefused(rsaAsEs384, "medrelay.fhir.auth.algorithm=ES384 does not fit the RSA key");
        assertRefused(properties(pkcs1), "openssl pkcs8 -topk8");
        assertRefused(properties(keys.resolve("missing.pem")), "medrelay.fhir.auth.private-key " + keys.resolve("missing.pem"));
        Map<String, String> wrongPassword = properties(keystore);
        wrongPassword.put("medrelay.fhir.auth.private-key-password", "not-the-password");
        assertRefused(wrongPassword, "medrelay.fhir.auth.private-key-password");
    }

    private static void assertRefused(Map<String, String> properties, String expected) {
        FhirAuthConfigurationException refused = assertThrows(FhirAuthConfigurationException.class,
                () -> FhirAuthInterceptorFactory.fromProperties(properties, ehr.baseUrl()));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        assertFalse(refused.getMessage().contains("not-the-password"), refused.getMessage());
    }
}
