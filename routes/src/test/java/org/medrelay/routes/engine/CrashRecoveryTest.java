package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing is lost and nothing is doubled across a crash: a client streams messages, the engine is killed with
 * SIGKILL mid-stream and restarted, the client resends what was not acknowledged, and afterwards every message
 * is in the FHIR server exactly once.
 */
class CrashRecoveryTest {

    private static final int MESSAGES = 300;
    private static final int KILL_AFTER_ACKS = 100;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    @Test
    void everyMessageIsInTheFhirServerExactlyOnceAfterSigkillAndResend() throws Exception {
        int mllpPort = TestEngines.freePort();
        int fhirPort = TestEngines.freePort();
        // Outside the temp dir, so the engine's own log survives a failing run for diagnosis.
        Path log = Path.of("target", "crash-recovery-engine.log");
        java.nio.file.Files.deleteIfExists(log);
        EngineProcess engine = EngineProcess.start(dataDir, mllpPort, fhirPort, Map.of(), log);

        AtomicInteger acknowledged = new AtomicInteger();
        Thread sender = new Thread(() -> sendUntilFailure(mllpPort, 0, acknowledged), "crash-test-sender");
        sender.start();
        while (acknowledged.get() < KILL_AFTER_ACKS && sender.isAlive()) {
            Thread.sleep(5);
        }
        engine.kill();
        sender.join(ACK_TIMEOUT.toMillis() * 2);
        int firstUnacknowledged = acknowledged.get();
        assertTrue(firstUnacknowledged >= KILL_AFTER_ACKS && firstUnacknowledged < MESSAGES,
                "the kill must land mid-stream, acknowledged " + firstUnacknowledged);

        engine = EngineProcess.start(dataDir, mllpPort, fhirPort, Map.of(), log);
        try {
            AtomicInteger resent = new AtomicInteger(firstUnacknowledged);
            sendUntilFailure(mllpPort, firstUnacknowledged, resent);
            assertEquals(MESSAGES, resent.get(), "every resent message is acknowledged");

            IGenericClient fhir = FhirContext.forR4Cached().newRestfulGenericClient(
                    "http://127.0.0.1:" + fhirPort + "/fhir");
            // A message's resources are written one after the other, so each is awaited on its own; the exact counts
            // are taken once everything has arrived, when a duplicate would also have been written.
            for (int i = 0; i < MESSAGES; i++) {
                assertTrue(awaitOne(fhir, Patient.class, "MRN-K" + i) > 0, "Patient of message " + i);
                assertTrue(awaitOne(fhir, Encounter.class, "VK" + i) > 0, "Encounter of message " + i);
            }
            for (int i = 0; i < MESSAGES; i++) {
                assertEquals(1, count(fhir, Patient.class, "MRN-K" + i), "Patient of message " + i);
                assertEquals(1, count(fhir, Encounter.class, "VK" + i), "Encounter of message " + i);
            }
        } finally {
            engine.stop();
        }
    }

    /** Sends messages from {@code from} on, one at a time, counting ACKs, until done or the connection dies. */
    private static void sendUntilFailure(int port, int from, AtomicInteger acknowledged) {
        try (MllpClient client = new MllpClient("127.0.0.1", port, ACK_TIMEOUT)) {
            for (int i = from; i < MESSAGES; i++) {
                AckSummary ack = AckSummary.of(client.send(message(i).getBytes(StandardCharsets.UTF_8)));
                if (!ack.accepted()) {
                    throw new AssertionError("message " + i + " got " + ack.code());
                }
                acknowledged.set(i + 1);
            }
        } catch (IOException connectionLost) {
            // expected when the engine is killed; the caller resends from the first unacknowledged message
        }
    }

    private static String message(int i) {
        return "MSH|^~\\&|REGADT|CRASHTEST|MEDRELAY|EHR|20261103083000||ADT^A04^ADT_A01|K" + i + "|P|2.5.1\r"
                + "EVN|A04|20261103083000\r"
                + "PID|1||MRN-K" + i + "^^^MRH^MR||Crashtest^Patient" + i + "||19700101|F\r"
                + TestMessages.pv1("O", "CLINIC^101^1^MRH", "", "VK" + i);
    }

    private static int awaitOne(IGenericClient fhir, Class<? extends org.hl7.fhir.instance.model.api.IBaseResource> type,
                                String identifier) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int found = 0;
        while (System.nanoTime() < deadline) {
            found = count(fhir, type, identifier);
            if (found > 0) {
                return found;
            }
            Thread.sleep(100);
        }
        return found;
    }

    private static int count(IGenericClient fhir, Class<? extends org.hl7.fhir.instance.model.api.IBaseResource> type,
                             String identifier) {
        Bundle bundle = fhir.search().forResource(type)
                .where(Patient.IDENTIFIER.exactly().code(identifier))
                .returnBundle(Bundle.class).execute();
        return bundle.getEntry().size();
    }
}
