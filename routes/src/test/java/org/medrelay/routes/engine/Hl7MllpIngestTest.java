package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.store.ErrorKind;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.processors.store.StoredError;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HL7v2 feed end to end on the embedded defaults: MLLP in, Artemis, processing, the sandbox EHR. */
class Hl7MllpIngestTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    private static MedRelayEngine engine;
    private static int mllpPort;
    private static IGenericClient fhir;

    @BeforeAll
    static void startEngine() throws Exception {
        mllpPort = TestEngines.freePort();
        EngineProperties props = TestEngines.embedded(dataDir, mllpPort, TestEngines.freePort(), Map.of());
        engine = new MedRelayEngine(props).start();
        fhir = FhirContext.forR4Cached().newRestfulGenericClient(engine.fhirBaseUrl());
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    static String adtA04(String controlId, String mrn, String family) {
        return "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261103083000||ADT^A04^ADT_A01|" + controlId + "|P|2.5.1\r"
                + "EVN|A04|20261103083000\r"
                + "PID|1||" + mrn + "^^^MRH^MR||" + family + "^Alma^Q||19710214|F|||12 Synthetic Way^^Springfield^IL^62701\r"
                + TestMessages.pv1("O", "CLINIC^101^1^MRH", "1234567890^Doctor^Dana", "V" + controlId);
    }

    private static AckSummary send(String message) throws Exception {
        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
            return AckSummary.of(client.send(message.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<Patient> patientsWithMrn(String mrn) {
        Bundle found = fhir.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().code(mrn))
                .returnBundle(Bundle.class).execute();
        return found.getEntry().stream().map(e -> (Patient) e.getResource()).toList();
    }

    private static void awaitStatus(String dedupKey, MessageStatus expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (engine.messageLog().statusOf(dedupKey).filter(expected::equals).isPresent()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("message " + dedupKey + " did not reach " + expected);
    }

    @Test
    void acceptedMessageIsAcknowledgedAaAndLandsInTheFhirServer() throws Exception {
        AckSummary ack = send(adtA04("T1001", "MRN-T1001", "Acceptcase"));

        assertEquals("AA", ack.code());
        assertEquals("T1001", ack.acknowledgedControlId());
        awaitStatus("REGADT|MRH_CLINIC|T1001", MessageStatus.PROCESSED);
        List<Patient> patients = patientsWithMrn("MRN-T1001");
        assertEquals(1, patients.size());
        assertEquals("Acceptcase", patients.get(0).getNameFirstRep().getFamily());
        assertEquals("1971-02-14", patients.get(0).getBirthDateElement().getValueAsString());
    }

    @Test
    void resentMessageIsProcessedOnce() throws Exception {
        String message = adtA04("T2001", "MRN-T2001", "Resendcase");
        assertEquals("AA", send(message).code());
        awaitStatus("REGADT|MRH_CLINIC|T2001", MessageStatus.PROCESSED);
        assertEquals("AA", send(message).code(), "a resend is acknowledged, so the sender stops resending");
        assertEquals("AA", send(message).code());
        Thread.sleep(500);

        List<Patient> patients = patientsWithMrn("MRN-T2001");
        assertEquals(1, patients.size());
        assertEquals("1", patients.get(0).getMeta().getVersionId(), "a resend must not rewrite the resource");
    }

    @Test
    void unsupportedMessageTypeGetsArWithErrCode200AndIsKept() throws Exception {
        AckSummary ack = send("MSH|^~\\&|BILLING|MRH|MEDRELAY|EHR|20261103||BAR^P01^BAR_P01|T3001|P|2.5\r"
                + "EVN|P01|20261103\rPID|1||MRN-T3001^^^MRH^MR||Billcase^Bo\r");

        assertEquals("AR", ack.code());
        assertTrue(ack.text().contains("\rERR||MSH^1^9|200^Unsupported message type^HL70357|E|"), ack.text());
        StoredError stored = latestError();
        assertEquals(ErrorKind.REJECTED, stored.kind());
        assertEquals(200, stored.errorCode());
        assertEquals("T3001", stored.controlId());
    }

    @Test
    void garbageAfterMshGetsArNamingTheSegment() throws Exception {
        AckSummary ack = send("MSH|^~\\&|REGADT|MRH|MEDRELAY|EHR|20261103||ADT^A04|T4001|P|2.5\r\u0010\u0000|0|0\r");

        assertEquals("AR", ack.code());
        assertTrue(ack.text().contains("100^Segment sequence error^HL70357"), ack.text());
    }

    @Test
    void pipelinedMessagesOnOneConnectionAreEachStoredAndAcknowledgedInOrder() throws Exception {
        List<byte[]> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(adtA04("P50" + i, "MRN-P50" + i, "Pipeline").getBytes(StandardCharsets.UTF_8));
        }
        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
            client.writeAll(batch);
            for (int i = 0; i < 20; i++) {
                AckSummary ack = AckSummary.of(client.readFrame());
                assertEquals("AA", ack.code());
                assertEquals("P50" + i, ack.acknowledgedControlId());
            }
        }
        for (int i = 0; i < 20; i++) {
            awaitStatus("REGADT|MRH_CLINIC|P50" + i, MessageStatus.PROCESSED);
        }
    }

    @Test
    void refusalPipelinedBehindAcceptedMessagesWaitsForTheirAcks() throws Exception {
        // A refusal is answered at once while an accepted message waits for the journal sync; the AR must
        // still leave after the AAs of the messages sent before it, or the sender pairs ACKs wrongly.
        List<byte[]> batch = new ArrayList<>();
        List<String> expectedCodes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i % 3 == 2) {
                batch.add(("MSH|^~\\&|BILLING|MRH|MEDRELAY|EHR|20261103||BAR^P01^BAR_P01|Q70" + i + "|P|2.5\r"
                        + "EVN|P01|20261103\rPID|1||MRN-Q70" + i + "^^^MRH^MR||Billcase^Bo\r").getBytes(StandardCharsets.UTF_8));
                expectedCodes.add("AR");
            } else {
                batch.add(adtA04("Q70" + i, "MRN-Q70" + i, "Ordercase").getBytes(StandardCharsets.UTF_8));
                expectedCodes.add("AA");
            }
        }
        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
            client.writeAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                AckSummary ack = AckSummary.of(client.readFrame());
                assertEquals("Q70" + i, ack.acknowledgedControlId(), "ACK " + i + " out of order");
                assertEquals(expectedCodes.get(i), ack.code(), "ACK code for Q70" + i);
            }
        }
    }

    @Test
    void moreThanFiveConcurrentConnectionsAreAllServed() throws Exception {
        int connections = 12;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<AckSummary>> acks = new ArrayList<>();
            List<MllpClient> clients = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                clients.add(new MllpClient("127.0.0.1", mllpPort, TIMEOUT)); // all open at once
            }
            for (int i = 0; i < connections; i++) {
                MllpClient client = clients.get(i);
                String message = adtA04("C60" + i, "MRN-C60" + i, "Concurrent");
                acks.add(pool.submit(() -> AckSummary.of(client.send(message.getBytes(StandardCharsets.UTF_8)))));
            }
            for (Future<AckSummary> ack : acks) {
                assertEquals("AA", ack.get().code());
            }
            for (MllpClient client : clients) {
                client.close();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bytesOutsideAFrameAreKeptAndTheConnectionStaysUsable() throws Exception {
        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
            client.writeRaw("NOT-MLLP".getBytes(StandardCharsets.US_ASCII));
            AckSummary ack = AckSummary.of(client.send(adtA04("F7001", "MRN-F7001", "Framecase")
                    .getBytes(StandardCharsets.UTF_8)));
            assertEquals("AA", ack.code());
        }
        // The engine's error store: its bytes are sealed at rest, and it opens them.
        ErrorStore errors = engine.camelContext().getRegistry().lookupByNameAndType("errorStore", ErrorStore.class);
        StoredError framing = errors.list(20).stream().filter(e -> e.kind() == ErrorKind.FRAMING).findFirst()
                .orElseThrow();
        assertEquals("NOT-MLLP", new String(errors.rawMessage(framing.id()).orElseThrow(), StandardCharsets.US_ASCII));
    }

    @Test
    void latin1MessageIsDecodedWithTheCharsetMsh18Names() throws Exception {
        String message = "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261103||ADT^A04^ADT_A01|L8001|P|2.5|||||||8859/1\r"
                + "PID|1||MRN-L8001^^^MRH^MR||Müller-Ñúñez^José||19800101|M\r";
        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
            AckSummary ack = AckSummary.of(client.send(message.getBytes(StandardCharsets.ISO_8859_1)));
            assertEquals("AA", ack.code());
        }
        awaitStatus("REGADT|MRH_CLINIC|L8001", MessageStatus.PROCESSED);
        assertEquals("Müller-Ñúñez", patientsWithMrn("MRN-L8001").get(0).getNameFirstRep().getFamily());
    }

    private static javax.sql.DataSource engineStore() {
        return engine.camelContext().getRegistry().lookupByNameAndType("medrelayStore", javax.sql.DataSource.class);
    }

    private static StoredError latestError() throws Exception {
        return new ErrorStore(engineStore()).list(1).get(0);
    }
}
