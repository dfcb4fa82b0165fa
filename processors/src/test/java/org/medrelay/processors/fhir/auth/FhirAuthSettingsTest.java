package org.medrelay.processors.fhir.auth;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FhirAuthSettingsTest {

    /** The keys as medrelay-defaults.properties lists them: present, mostly empty. */
    private static Map<String, String> defaultsFile() {
        Map<String, String> properties = new HashMap<>();
        for (String key : new String[] {"type", "token-url", "client-id", "client-secret", "client-auth", "scope",
                "private-key", "private-key-password", "key-id", "algorithm", "jku"}) {
            properties.put("medrelay.fhir.auth." + key, "");
        }
        properties.put("medrelay.fhir.auth.type", "none");
        properties.put("medrelay.fhir.auth.client-auth", "basic");
        properties.put("medrelay.fhir.auth.token-refresh-skew-seconds", "30");
        properties.put("medrelay.fhir.auth.token-timeout-ms", "10000");
        return properties;
    }

    @Test
    void theSandboxDefaultsSendNoAuthorization() {
        assertEquals(FhirAuthSettings.NONE, FhirAuthSettings.fromProperties(defaultsFile()));
        assertEquals(FhirAuthType.NONE, FhirAuthSettings.fromProperties(Map.of()).type());
        assertTrue(FhirAuthInterceptorFactory.fromProperties(defaultsFile(), "http://localhost:8080/fhir").isEmpty());
    }

    @Test
    void clientCredentialsWithEmptyOptionalKeysTakesTheDocumentedDefaults() {
        Map<String, String> properties = defaultsFile();
        properties.put("medrelay.fhir.auth.type", "client-credentials");
        properties.put("medrelay.fhir.auth.client-id", "medrelay-engine");
        properties.put("medrelay.fhir.auth.client-secret", "s3cr3t");
        properties.put("medrelay.fhir.auth.client-auth", "");

        FhirAuthSettings settings = FhirAuthSettings.fromProperties(properties);

        assertEquals(FhirAuthType.CLIENT_CREDENTIALS, settings.type());
        assertNull(settings.tokenUrl(), "no token-url: discovered from .well-known/smart-configuration");
        assertEquals(ClientSecretMethod.BASIC, settings.clientSecretMethod());
        assertNull(settings.scope());
        assertEquals(Duration.ofSeconds(30), settings.tokenRefreshSkew());
        assertEquals(Duration.ofSeconds(10), settings.tokenTimeout());
    }

    @Test
    void smartBackendServicesReadsItsKeyAndTokenUrl() {
        Map<String, String> properties = defaultsFile();
        properties.put("medrelay.fhir.auth.type", "smart-backend-services");
        properties.put("medrelay.fhir.auth.token-url", "https://ehr.example.org/oauth2/token");
        properties.put("medrelay.fhir.auth.client-id", "medrelay-engine");
        properties.put("medrelay.fhir.auth.scope", "system/Patient.cu");
        properties.put("medrelay.fhir.auth.private-key", "/etc/medrelay/client.p12");
        properties.put("medrelay.fhir.auth.private-key-password", "changeit");
        properties.put("medrelay.fhir.auth.key-id", "medrelay-2026-11");

        FhirAuthSettings settings = FhirAuthSettings.fromProperties(properties);

        assertEquals(URI.create("https://ehr.example.org/oauth2/token"), settings.tokenUrl());
        assertEquals(Path.of("/etc/medrelay/client.p12"), settings.privateKey());
        assertEquals("medrelay-2026-11", settings.keyId());
        assertNull(settings.algorithm(), "taken from the key");
    }

    @Test
    void aMissingPropertyIsNamedWithTheTypeThatNeedsIt() {
        Map<String, String> clientCredentials = defaultsFile();
        clientCredentials.put("medrelay.fhir.auth.type", "client-credentials");
        clientCredentials.put("medrelay.fhir.auth.client-id", "medrelay-engine");
        assertRefused(clientCredentials,
                "medrelay.fhir.auth.client-secret is required when medrelay.fhir.auth.type=client-credentials");

        Map<String, String> smart = defaultsFile();
        smart.put("medrelay.fhir.auth.type", "smart-backend-services");
        assertRefused(smart, "medrelay.fhir.auth.client-id is required when medrelay.fhir.auth.type=smart-backend-services");
        smart.put("medrelay.fhir.auth.client-id", "medrelay-engine");
        assertRefused(smart, "medrelay.fhir.auth.scope is required");
        smart.put("medrelay.fhir.auth.scope", "system/Patient.cu");
        assertRefused(smart, "medrelay.fhir.auth.private-key is required");
        smart.put("medrelay.fhir.auth.private-key", "/etc/medrelay/client.pem");
        assertRefused(smart, "medrelay.fhir.auth.key-id is required");
    }

    @Test
    void malformedValuesAreNamed() {
        Map<String, String> properties = defaultsFile();
        properties.put("medrelay.fhir.auth.type", "oauth");
        assertRefused(properties, "medrelay.fhir.auth.type must be none, client-credentials or smart-backend-services, was oauth");

        properties.put("medrelay.fhir.auth.type", "client-credentials");
        properties.put("medrelay.fhir.auth.client-id", "medrelay-engine");
        properties.put("medrelay.fhir.auth.client-secret", "s3cr3t");
        properties.put("medrelay.fhir.auth.client-auth", "jwt");
        assertRefused(properties, "medrelay.fhir.auth.client-auth must be basic or post, was jwt");

        properties.put("medrelay.fhir.auth.client-auth", "post");
        properties.put("medrelay.fhir.auth.token-url", "ehr.example.org/token");
        assertRefused(properties, "medrelay.fhir.auth.token-url must be an absolute http(s) URL");

        properties.put("medrelay.fhir.auth.token-url", "");
        properties.put("medrelay.fhir.auth.token-refresh-skew-seconds", "-5");
        assertRefused(properties, "medrelay.fhir.auth.token-refresh-skew-seconds must be a whole number of at least 0, was -5");
    }

    @Test
    void toStringNeverShowsTheSecretOrTheKeyPassword() {
        Map<String, String> properties = defaultsFile();
        properties.put("medrelay.fhir.auth.type", "client-credentials");
        properties.put("medrelay.fhir.auth.client-id", "medrelay-engine");
        properties.put("medrelay.fhir.auth.client-secret", "s3cr3t-value");

        String shown = FhirAuthSettings.fromProperties(properties).toString();

        assertFalse(shown.contains("s3cr3t-value"), shown);
        assertTrue(shown.contains("clientSecret=(set)"), shown);
    }

    private static void assertRefused(Map<String, String> properties, String expected) {
        FhirAuthConfigurationException refused = assertThrows(FhirAuthConfigurationException.class,
                () -> FhirAuthSettings.fromProperties(properties));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
