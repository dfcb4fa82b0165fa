package org.medrelay.routes.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.crypto.PayloadBinding;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.crypto.SealedPayloadFormat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the engine's payload keys come from, and how a misconfiguration stops it without showing a key. */
class PayloadEncryptionKeysTest {

    private static final byte[] PAYLOAD = "PID|1||MRN-K1^^^MRH^MR||Keyringcase^Kai\r".getBytes(StandardCharsets.UTF_8);
    private static final PayloadBinding BINDING = PayloadBinding.errorRawCopy(1);

    @TempDir
    Path dir;

    @Test
    void keysFromTheEnvironmentAreNamedByTheirVariable() {
        String k1 = randomKey();
        PayloadCipher cipher = PayloadEncryptionKeys.forEngine(props(Map.of("MEDRELAY_ENCRYPTION_KEY_K2026A", k1),
                Map.of()));
        assertEquals("k2026a", cipher.writeKeyId().orElseThrow());
        assertFalse(Files.exists(dir.resolve("keys").resolve("payload-encryption.key")), "none made: one is configured");
    }

    @Test
    void theGeneratedKeyStaysReadableAfterConfiguredKeysTakeOver() {
        PayloadCipher generated = PayloadEncryptionKeys.forEngine(props(Map.of(), Map.of()));
        assertEquals("local", generated.writeKeyId().orElseThrow());
        byte[] sealedLocally = generated.seal(PAYLOAD, BINDING);

        PayloadCipher configured = PayloadEncryptionKeys.forEngine(props(Map.of("MEDRELAY_ENCRYPTION_KEY_K2", randomKey()),
                Map.of()));
        assertEquals("k2", configured.writeKeyId().orElseThrow());
        assertEquals(Set.of("k2", "local"), configured.keyRing().keyIds());
        assertArrayEquals(PAYLOAD, configured.open(sealedLocally, BINDING));
        assertEquals("k2", SealedPayloadFormat.keyIdOf(configured.seal(PAYLOAD, BINDING)).orElseThrow());
    }

    @Test
    void severalKeysNeedAnActiveIdAndErrorsNeverShowAKey() {
        String k1 = randomKey();
        IllegalStateException noActive = assertThrows(IllegalStateException.class, () -> PayloadEncryptionKeys.forEngine(
                props(Map.of("MEDRELAY_ENCRYPTION_KEY_K1", k1, "MEDRELAY_ENCRYPTION_KEY_K2", randomKey()), Map.of())));
        assertTrue(noActive.getMessage().contains(PayloadEncryptionKeys.ACTIVE_KEY_ID), noActive.getMessage());

        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> PayloadEncryptionKeys.forEngine(
                props(Map.of("MEDRELAY_ENCRYPTION_KEY_K1", k1), Map.of(PayloadEncryptionKeys.ACTIVE_KEY_ID, "k9"))));
        assertTrue(unknown.getMessage().contains("k9"), unknown.getMessage());

        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalStateException tooShort = assertThrows(IllegalStateException.class, () -> PayloadEncryptionKeys.forEngine(
                props(Map.of("MEDRELAY_ENCRYPTION_KEY_K1", shortKey), Map.of())));
        assertTrue(tooShort.getMessage().contains("medrelay.encryption.key.k1"), tooShort.getMessage());
        for (IllegalStateException e : new IllegalStateException[] {noActive, unknown, tooShort}) {
            assertFalse(e.getMessage().contains(k1) || e.getMessage().contains(shortKey), e.getMessage());
        }
    }

    @Test
    void aMissingKeystoreStopsStartupNamingThePropertyAndPath() {
        Path missing = dir.resolve("nowhere.p12");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PayloadEncryptionKeys.forEngine(
                props(Map.of(), Map.of(PayloadEncryptionKeys.KEYSTORE, missing.toString(),
                        PayloadEncryptionKeys.KEYSTORE_PASSWORD, "synthetic-secret-pass"))));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains(PayloadEncryptionKeys.KEYSTORE),
                e.getMessage());
        assertFalse(e.getMessage().contains("synthetic-secret-pass"));
    }

    @Test
    void turnedOffNothingIsMadeAndPayloadsStayClear() {
        PayloadCipher off = PayloadEncryptionKeys.forEngine(props(Map.of(),
                Map.of(PayloadEncryptionKeys.ENABLED, "false")));
        assertFalse(off.isEncrypting());
        assertArrayEquals(PAYLOAD, off.seal(PAYLOAD, BINDING));
        assertFalse(Files.exists(dir.resolve("keys")));
    }

    @Test
    void theCliNeverMakesAKeyAndSealsNothingWithoutOne() {
        PayloadCipher tools = PayloadEncryptionKeys.forTools(props(Map.of(), Map.of()));
        assertFalse(tools.isEncrypting());
        assertArrayEquals(PAYLOAD, tools.open(PAYLOAD, BINDING), "clear payloads read as stored");
        assertFalse(Files.exists(dir.resolve("keys").resolve("payload-encryption.key")));
    }

    private EngineProperties props(Map<String, String> environment, Map<String, String> system) {
        Properties properties = new Properties();
        properties.setProperty("medrelay.data.dir", dir.toString());
        system.forEach(properties::setProperty);
        return EngineProperties.load(null, new HashMap<>(environment), properties);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
