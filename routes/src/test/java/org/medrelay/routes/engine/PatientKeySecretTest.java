package org.medrelay.routes.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.privacy.PatientKeys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where the patient-key secret comes from: the property, or the file the engine makes once and keeps. */
class PatientKeySecretTest {

    private static final String PATIENT = "MRH:MRN100001";

    @TempDir
    Path dir;

    private EngineProperties props(Map<String, String> environment) {
        Properties system = new Properties();
        system.setProperty("medrelay.data.dir", dir.resolve("data").toString());
        return EngineProperties.load(null, new HashMap<>(environment), system);
    }

    private EngineProperties embeddedDefaults() {
        return props(Map.of());
    }

    private static String base64OfBytes(int length, int fill) {
        byte[] secret = new byte[length];
        java.util.Arrays.fill(secret, (byte) fill);
        return Base64.getEncoder().encodeToString(secret);
    }

    @Test
    void withNoSecretConfiguredTheFirstStartMakesOneInTheDataFolderAndLaterStartsReuseIt() throws Exception {
        String first = PatientKeySecret.loadOrCreate(embeddedDefaults()).keyOf(PATIENT);
        Path file = dir.resolve("data/keys/patient-key.secret");
        String written = Files.readString(file, StandardCharsets.US_ASCII);

        assertEquals(32, Base64.getDecoder().decode(written.strip()).length);
        assertEquals(first, PatientKeySecret.loadOrCreate(embeddedDefaults()).keyOf(PATIENT), "a restart");
        assertEquals(first, PatientKeySecret.load(embeddedDefaults()).keyOf(PATIENT), "the CLI");
        assertEquals(written, Files.readString(file, StandardCharsets.US_ASCII), "made once");
    }

    @Test
    void anotherDataFolderMakesAnotherSecret() {
        String here = PatientKeySecret.loadOrCreate(embeddedDefaults()).keyOf(PATIENT);
        Properties system = new Properties();
        system.setProperty("medrelay.data.dir", dir.resolve("elsewhere").toString());

        assertNotEquals(here, PatientKeySecret.loadOrCreate(EngineProperties.load(null, new HashMap<>(), system))
                .keyOf(PATIENT));
    }

    @Test
    void theMadeSecretIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");

        PatientKeySecret.loadOrCreate(embeddedDefaults());

        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("data/keys/patient-key.secret"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/keys"))));
    }

    @Test
    void aConfiguredSecretIsUsedAsGivenAndNoFileIsMade() {
        String secret = base64OfBytes(32, 5);

        PatientKeys keys = PatientKeySecret.loadOrCreate(props(Map.of("MEDRELAY_SECURITY_PATIENT_KEY_SECRET", secret)));

        assertEquals(new PatientKeys(Base64.getDecoder().decode(secret)).keyOf(PATIENT), keys.keyOf(PATIENT));
        assertFalse(Files.exists(dir.resolve("data/keys/patient-key.secret")));
    }

    @Test
    void aSecretShorterThan32BytesIsRefusedNamingThePropertyNotTheSecret() {
        String secret = base64OfBytes(31, 9);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PatientKeySecret.loadOrCreate(
                props(Map.of("MEDRELAY_SECURITY_PATIENT_KEY_SECRET", secret))));

        assertTrue(refused.getMessage().startsWith("medrelay.security.patient-key-secret must be at least 32 bytes"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains(secret));
        assertFalse(refused.getMessage().contains("\n"));
    }

    @Test
    void aSecretThatIsNotBase64IsRefusedNamingThePropertyNotTheSecret() {
        String secret = "correct-horse-battery-staple-correct-horse-battery-staple!";

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PatientKeySecret.loadOrCreate(
                props(Map.of("MEDRELAY_SECURITY_PATIENT_KEY_SECRET", secret))));

        assertEquals("medrelay.security.patient-key-secret is not base64", refused.getMessage());
        assertEquals(null, refused.getCause(), "the decoder's message quotes a character of the secret");
    }

    @Test
    void aDamagedKeyFileIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("data/keys/patient-key.secret");
        Files.createDirectories(file.getParent());
        Files.writeString(file, base64OfBytes(8, 1));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PatientKeySecret.loadOrCreate(embeddedDefaults()));

        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("medrelay.security.patient-key-file"), refused.getMessage());
    }

    @Test
    void theCliNeverMakesASecretOfItsOwn() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PatientKeySecret.load(embeddedDefaults()));

        assertTrue(refused.getMessage().startsWith("no patient-key secret in "), refused.getMessage());
        assertFalse(Files.exists(dir.resolve("data/keys")));
    }
}
