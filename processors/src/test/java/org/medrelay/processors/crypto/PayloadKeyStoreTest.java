package org.medrelay.processors.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Payload keys from a PKCS12 keystore made by the JDK's keytool, as the README tells an operator to. */
class PayloadKeyStoreTest {

    private static final String PASSWORD = "synthetic-store-pass";

    @TempDir
    Path dir;

    @Test
    void keysMadeByKeytoolAreReadUnderTheirAliases() throws Exception {
        Path store = dir.resolve("payload-keys.p12");
        keytool(store, "k2026a");
        keytool(store, "K2026B");

        Map<String, SecretKey> keys = PayloadKeyStore.read(store, PASSWORD.toCharArray());

        assertEquals(java.util.Set.of("k2026a", "k2026b"), keys.keySet(), "aliases are key ids, lower-case");
        PayloadCipher cipher = PayloadCipher.encrypting(PayloadKeyRing.of("k2026b", keys));
        byte[] plain = "PID|1||MRN-KS1^^^MRH^MR||Keystorecase^Kim\r".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(plain, cipher.open(cipher.seal(plain, PayloadBinding.errorRawCopy(1)),
                PayloadBinding.errorRawCopy(1)));
    }

    @Test
    void aWrongPasswordOrMissingFileNamesTheFileNeverThePassword() throws Exception {
        Path store = dir.resolve("payload-keys.p12");
        keytool(store, "k1");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> PayloadKeyStore.read(store, "not-the-password".toCharArray()));
        assertTrue(wrong.getMessage().contains(store.toString()), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("not-the-password"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> PayloadKeyStore.read(dir.resolve("nowhere.p12"), PASSWORD.toCharArray()));
        assertTrue(missing.getMessage().contains("nowhere.p12"), missing.getMessage());
    }

    /** {@code keytool -genseckey -keyalg AES -keysize 256 -storetype PKCS12}, as documented. */
    static void keytool(Path store, String alias) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genseckey", "-keyalg", "AES", "-keysize", "256",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-alias", alias)
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
    }
}
