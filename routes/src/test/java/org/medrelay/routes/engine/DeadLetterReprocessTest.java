package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.store.ErrorKind;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.processors.store.StoredError;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the EHR keeps failing, a message is retried, then kept in the dead-letter store with its original bytes;
 * once the EHR is back, `errors reprocess` puts it through and it lands.
 */
class DeadLetterReprocessTest {

    @TempDir
    Path dataDir;

    @Test
    void messageDeadLetteredWhileTheEhrIsDownLandsAfterReprocessing() throws Exception {
        int mllpPort = TestEngines.freePort();
        int ehrPort = TestEngines.freePort(); // nothing listens here yet: the EHR is down
        String message = Hl7MllpIngestTest.adtA04("D9001", "MRN-D9001", "Deadletter");
        try (MedRelayEngine engine = new MedRelayEngine(TestEngines.embedded(dataDir, mllpPort, ehrPort, Map.of(
                "medrelay.fhir.sandbox.enabled", "false",
                "medrelay.fhir.connect-timeout-ms", "500"))).start()) {
            try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, Duration.ofSeconds(20))) {
                AckSummary ack = AckSummary.of(client.send(message.getBytes(StandardCharsets.UTF_8)));
                assertEquals("AA", ack.code(), "stored durably, so accepted even though the EHR is down");
            }
            // The engine's error store: its bytes are sealed at rest, and it opens them.
            ErrorStore errors = engine.camelContext().getRegistry().lookupByNameAndType("errorStore", ErrorStore.class);
            await(() -> !list(errors).isEmpty());
            StoredError deadLetter = list(errors).get(0);
            assertEquals(ErrorKind.DEAD_LETTER, deadLetter.kind());
            assertEquals("D9001", deadLetter.controlId());
            assertTrue(deadLetter.reason().contains("Exception"), deadLetter.reason());
            assertArrayEquals(message.getBytes(StandardCharsets.UTF_8), errors.rawMessage(deadLetter.id()).orElseThrow());
            assertEquals(MessageStatus.FAILED, engine.messageLog().statusOf("REGADT|MRH_CLINIC|D9001").orElseThrow());

            try (SandboxFhirServer ehr = new SandboxFhirServer(SandboxFhirSettings.of(
                    "jdbc:h2:file:" + dataDir.resolve("ehr") + ";WRITE_DELAY=0", "127.0.0.1", ehrPort, "/fhir"))) {
                ehr.start();
                assertTrue(errors.requestReprocess(deadLetter.id(), Instant.now()));

                await(() -> engine.messageLog().statusOf("REGADT|MRH_CLINIC|D9001")
                        .filter(MessageStatus.PROCESSED::equals).isPresent());
                Bundle patients = FhirContext.forR4Cached().newRestfulGenericClient(ehr.getBaseUrl()).search()
                        .forResource(Patient.class).where(Patient.IDENTIFIER.exactly().code("MRN-D9001"))
                        .returnBundle(Bundle.class).execute();
                assertEquals(1, patients.getEntry().size());
                assertEquals("reprocessed", errors.find(deadLetter.id()).orElseThrow().status().name()
                        .toLowerCase());
            }
        }
    }

    private static java.util.List<StoredError> list(ErrorStore errors) {
        try {
            return errors.list(10);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(ThrowingCondition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within 30 s");
    }

    @FunctionalInterface
    private interface ThrowingCondition {
        boolean holds() throws Exception;
    }
}
