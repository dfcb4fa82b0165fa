package org.medrelay.routes.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The engine keys patients under one secret for the life of its data folder: made on the first start, read on
 * the next; and it does not start on a secret too weak to keep MRNs out of reach.
 */
class PatientKeyEngineTest {

    private static final String PATIENT = "MRH:MRN100001";

    @TempDir
    Path dataDir;

    private EngineProperties props(Map<String, String> overrides) throws Exception {
        return TestEngines.embedded(dataDir, TestEngines.freePort(), TestEngines.freePort(), overrides);
    }

    @Test
    void aPatientKeepsItsKeyAcrossARestart() throws Exception {
        String beforeRestart;
        try (MedRelayEngine ignored = new MedRelayEngine(props(Map.of())).start()) {
            beforeRestart = PatientKeySecret.load(props(Map.of())).keyOf(PATIENT);
        }
        Path file = dataDir.resolve("keys/patient-key.secret");
        String secretFile = Files.readString(file);

        try (MedRelayEngine ignored = new MedRelayEngine(props(Map.of())).start()) {
            assertEquals(beforeRestart, PatientKeySecret.load(props(Map.of())).keyOf(PATIENT));
        }
        assertEquals(secretFile, Files.readString(file), "read, not made again");
    }

    @Test
    void aSecretShorterThan32BytesStopsStartupBeforeTheBrokerComesUp() throws Exception {
        EngineProperties weak = props(Map.of("medrelay.security.patient-key-secret", "c2hvcnQgc2VjcmV0"));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new MedRelayEngine(weak).start());

        assertEquals("medrelay.security.patient-key-secret must be at least 32 bytes (base64 of random bytes, "
                + "e.g. `openssl rand -base64 32`), not 12", refused.getMessage());
        assertFalse(Files.exists(dataDir.resolve("broker")));
    }
}
