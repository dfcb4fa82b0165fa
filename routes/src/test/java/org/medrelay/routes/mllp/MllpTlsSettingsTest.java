package org.medrelay.routes.mllp;

import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.TestEngines;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The medrelay.mllp.tls.* properties, from the shipped defaults: what starts, and what stops startup and why. */
class MllpTlsSettingsTest {

    @TempDir
    Path dir;

    private MllpTlsSettings settings(Map<String, String> overrides) {
        EngineProperties props = TestEngines.embedded(dir, 0, 0, overrides);
        return MllpTlsSettings.from(props::get);
    }

    /** The listener's parameters as the engine builds them at startup. */
    private SSLContextParameters listener(Map<String, String> overrides) {
        return MllpTlsContextFactory.forListener(settings(overrides));
    }

    private static Map<String, String> tlsWith(String... keyValues) throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put(MllpTlsSettings.ENABLED, "true");
        props.put(MllpTlsSettings.KEYSTORE, TestCertificates.shared().listenerKeystore().toString());
        props.put(MllpTlsSettings.KEYSTORE_PASSWORD, TestCertificates.PASSWORD);
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    private static String startupError(Runnable start) {
        return assertThrows(TlsConfigurationException.class, start::run).getMessage();
    }

    @Test
    void tlsIsOffByDefaultAndNoFileIsOpened() {
        MllpTlsSettings defaults = settings(Map.of());

        assertFalse(defaults.enabled());
        assertNull(MllpTlsContextFactory.forListener(defaults).getKeyManagers());
    }

    @Test
    void defaultProtocolsAreTls13And12() throws Exception {
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), settings(tlsWith()).protocols());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"),
                listener(tlsWith()).getSecureSocketProtocols().getSecureSocketProtocol());
    }

    @Test
    void mutualTlsRequiresClientCertificates() throws Exception {
        SSLContextParameters parameters = listener(tlsWith(MllpTlsSettings.NEED_CLIENT_AUTH, "true",
                MllpTlsSettings.TRUSTSTORE, TestCertificates.shared().listenerTruststore().toString(),
                MllpTlsSettings.TRUSTSTORE_PASSWORD, TestCertificates.PASSWORD));

        assertEquals("REQUIRE", parameters.getServerParameters().getClientAuthentication());
        assertNotNull(parameters.getTrustManagers());
    }

    @Test
    void tlsWithoutAKeystoreNamesTheMissingProperty() {
        String error = startupError(() -> settings(Map.of(MllpTlsSettings.ENABLED, "true")));

        assertTrue(error.contains("medrelay.mllp.tls.enabled=true needs medrelay.mllp.tls.keystore"), error);
    }

    @Test
    void clientCertificatesWithoutTlsAreRefusedRatherThanIgnored() {
        String error = startupError(() -> settings(Map.of(MllpTlsSettings.NEED_CLIENT_AUTH, "true")));

        assertTrue(error.contains("medrelay.mllp.tls.need-client-auth=true needs medrelay.mllp.tls.enabled=true"),
                error);
    }

    @Test
    void clientCertificatesWithoutATruststoreAreRefused() throws Exception {
        Map<String, String> props = tlsWith(MllpTlsSettings.NEED_CLIENT_AUTH, "true");

        String error = startupError(() -> settings(props));

        assertTrue(error.contains("needs medrelay.mllp.tls.truststore"), error);
    }

    @Test
    void missingKeystoreFileNamesThePropertyAndThePath() throws Exception {
        Path missing = dir.resolve("listener-missing.p12");

        String error = startupError(() -> listener(mapOf(MllpTlsSettings.ENABLED, "true",
                MllpTlsSettings.KEYSTORE, missing.toString())));

        assertTrue(error.startsWith("medrelay.mllp.tls.keystore: no such file"), error);
        assertTrue(error.contains(missing.toString()), error);
    }

    @Test
    void aFolderIsNotAKeystore() {
        String error = startupError(() -> listener(mapOf(MllpTlsSettings.ENABLED, "true",
                MllpTlsSettings.KEYSTORE, dir.toString())));

        assertTrue(error.contains("is not a readable file"), error);
    }

    @Test
    void missingTruststoreFileNamesItsProperty() throws Exception {
        Path missing = dir.resolve("trust-missing.p12");

        Map<String, String> props = tlsWith(MllpTlsSettings.NEED_CLIENT_AUTH, "true",
                MllpTlsSettings.TRUSTSTORE, missing.toString());

        String error = startupError(() -> listener(props));

        assertTrue(error.startsWith("medrelay.mllp.tls.truststore: no such file " + missing), error);
    }

    @Test
    void wrongKeystorePasswordIsReportedWithoutThePassword() throws Exception {
        Map<String, String> props = tlsWith(MllpTlsSettings.KEYSTORE_PASSWORD, "not-the-Secret-42");

        String error = startupError(() -> listener(props));

        assertTrue(error.startsWith("medrelay.mllp.tls.keystore: cannot open"), error);
        assertTrue(error.contains("password was incorrect"), error);
        assertFalse(error.contains("not-the-Secret-42"), "never print a password");
        assertFalse(error.contains(TestCertificates.PASSWORD), "never print a password");
    }

    @Test
    void wrongKeyPasswordNamesTheKeyPasswordProperty() throws Exception {
        Map<String, String> props = tlsWith(MllpTlsSettings.KEY_PASSWORD, "not-the-key-password");

        String error = startupError(() -> listener(props));

        assertTrue(error.contains("does not open with medrelay.mllp.tls.key-password"), error);
        assertFalse(error.contains("not-the-key-password"), "never print a password");
    }

    @Test
    void aTruststoreGivenAsTheKeystoreIsRefused() throws Exception {
        Path truststore = TestCertificates.shared().listenerTruststore();
        Map<String, String> props = tlsWith(MllpTlsSettings.KEYSTORE, truststore.toString());

        String error = startupError(() -> listener(props));

        assertTrue(error.contains("holds no private key"), error);
    }

    @Test
    void emptyTruststoreIsRefused() throws Exception {
        Path empty = dir.resolve("empty-trust.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(empty)) {
            store.store(out, "empty-store".toCharArray());
        }

        Map<String, String> props = tlsWith(MllpTlsSettings.NEED_CLIENT_AUTH, "true",
                MllpTlsSettings.TRUSTSTORE, empty.toString(), MllpTlsSettings.TRUSTSTORE_PASSWORD, "empty-store");

        String error = startupError(() -> listener(props));

        assertTrue(error.contains("holds no certificates"), error);
    }

    @Test
    void protocolTheJvmDoesNotKnowIsRefused() throws Exception {
        Map<String, String> props = tlsWith(MllpTlsSettings.PROTOCOLS, "TLSv1.3,TLSv1.9");

        String error = startupError(() -> listener(props));

        assertEquals("medrelay.mllp.tls.protocols: TLSv1.9 is not supported by this JVM", error);
    }

    @Test
    void keystoreTypeFollowsTheFileNameUnlessConfigured() {
        assertEquals("JKS", KeyStoreFile.typeOf(Path.of("/etc/medrelay/listener.jks"), ""));
        assertEquals("PKCS12", KeyStoreFile.typeOf(Path.of("/etc/medrelay/listener.p12"), null));
        assertEquals("PKCS12", KeyStoreFile.typeOf(Path.of("/etc/medrelay/listener.pfx"), " "));
        assertEquals("JKS", KeyStoreFile.typeOf(Path.of("/etc/medrelay/listener.keystore"), "jks"));
    }

    private static Map<String, String> mapOf(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
