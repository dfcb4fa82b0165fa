package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.queue.QueueBatch;
import org.medrelay.processors.store.ErrorKind;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.processors.store.StoredError;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages the listener stored together under load (one lane, one send in flight, so everything pipelined behind
 * the first message waits and goes as a batch): each is acknowledged in order, processed on its own, a resend
 * inside a batch processed once, and one that processing refuses kept with its own bytes while the others land.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchedIngestTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MESSAGES = 40;

    @TempDir
    static Path dataDir;

    private static MedRelayEngine engine;
    private static int mllpPort;
    private static EngineProperties props;

    @BeforeAll
    static void startEngine() throws Exception {
        mllpPort = TestEngines.freePort();
        props = TestEngines.embedded(dataDir, mllpPort, TestEngines.freePort(), Map.of(
                "medrelay.hl7.ingest.send-lanes", "1",
                "medrelay.hl7.ingest.lane-sends-in-flight", "1",
                "medrelay.hl7.processing.auto-startup", "false"));
        engine = new MedRelayEngine(props).start();
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    @Order(1)
    void aBatchIsAcknowledgedInOrderAndEachOfItsMessagesProcessedOnItsOwn() throws Exception {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            messages.add(i == 17 || i == 29 ? adtA99("B" + i) : Hl7MllpIngestTest.adtA04("B" + i, "MRN-B" + i, "Batchcase"));
        }
        messages.add(messages.get(5)); // a resend, in the same write
        List<byte[]> frames = messages.stream().map(m -> m.getBytes(StandardCharsets.UTF_8)).toList();

        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
            client.writeAll(frames);
            for (int i = 0; i < frames.size(); i++) {
                AckSummary ack = AckSummary.of(client.readFrame());
                assertEquals("AA", ack.code(), "every message is stored before its ACK");
                assertEquals("B" + (i < MESSAGES ? i : 5), ack.acknowledgedControlId(), "ACK " + i + " out of order");
            }
        }
        List<Integer> queued = queueMessageSizes();
        assertEquals(frames.size(), queued.stream().mapToInt(Integer::intValue).sum());
        assertTrue(Collections.max(queued) > 1, "messages pipelined behind a send in flight went as a batch: " + queued);

        engine.camelContext().getRouteController().startRoute("hl7-process");

        engine.camelContext().getRouteController().startRoute("hl7-process-message");
        for (int i = 0; i < MESSAGES; i++) {
            if (i != 17 && i != 29) {
                awaitStatus("REGADT|MRH_CLINIC|B" + i, MessageStatus.PROCESSED);
            }
        }
        IGenericClient fhir = FhirContext.forR4Cached().newRestfulGenericClient(engine.fhirBaseUrl());
        assertEquals(1, patientsWithMrn(fhir, "MRN-B5").size(), "the resend inside the batch is processed once");
        assertEquals(1, patientsWithMrn(fhir, "MRN-B39").size());

        List<StoredError> refused = awaitErrors(2);
        ErrorStore errors = engine.camelContext().getRegistry().lookupByNameAndType("errorStore", ErrorStore.class);
        for (StoredError error : refused) {
            assertEquals(ErrorKind.UNPROCESSABLE, error.kind());
            int index = Integer.parseInt(error.controlId().substring(1));
            assertArrayEquals(frames.get(index), errors.rawMessage(error.id()).orElseThrow(),
                    "the refused message's own bytes, not its batch's");
        }
        assertEquals(List.of("B17", "B29"), refused.stream().map(StoredError::controlId).sorted().toList());
    }

    @Test
    @Order(2)
    void aResendInsideALaterBatchOfAMessageAlreadyProcessedLeavesTheRestOfItsBatchToLand() throws Exception {
        String resent = Hl7MllpIngestTest.adtA04("L0", "MRN-L0", "Latercase");
        List<byte[]> firstBatch = new ArrayList<>();
        List<byte[]> laterBatch = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            byte[] frame = Hl7MllpIngestTest.adtA04("L" + i, "MRN-L" + i, "Latercase").getBytes(StandardCharsets.UTF_8);
            (i <= 5 ? firstBatch : laterBatch).add(frame);
            if (i == 1) {
                // behind the first message, which goes alone while the rest of the write waits: L0 is in a batch
                firstBatch.add(resent.getBytes(StandardCharsets.UTF_8));
            }
            if (i == 12) {
                // The sender did not see L0's ACK in time and resends it, pipelined with new messages: it is stored
                // in their batch, and its broker duplicate id, already used for L0, must not take the batch down.
                laterBatch.add(resent.getBytes(StandardCharsets.UTF_8));
            }
        }
        sendPipelined(firstBatch);
        awaitStatus("REGADT|MRH_CLINIC|L0", MessageStatus.PROCESSED);
        sendPipelined(laterBatch);

        for (int i = 1; i <= 20; i++) {
            awaitStatus("REGADT|MRH_CLINIC|L" + i, MessageStatus.PROCESSED);
        }
        IGenericClient fhir = FhirContext.forR4Cached().newRestfulGenericClient(engine.fhirBaseUrl());
        assertEquals(1, patientsWithMrn(fhir, "MRN-L0").size(), "the resend is processed once");
        assertEquals(1, patientsWithMrn(fhir, "MRN-L20").size());
    }

    private static void sendPipelined(List<byte[]> frames) throws Exception {
        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
            client.writeAll(frames);
            for (int i = 0; i < frames.size(); i++) {
                assertEquals("AA", AckSummary.of(client.readFrame()).code());
            }
        }
    }

    private static String adtA99(String controlId) {
        return "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261103083000||ADT^A99|" + controlId + "|P|2.5.1\r"
                + "EVN|A99|20261103083000\r"
                + "PID|1||MRN-" + controlId + "^^^MRH^MR||Batchcase^Alma||19710214|F\r";
    }

    /** How many HL7v2 messages each message on the inbound queue holds, read without consuming them. */
    private static List<Integer> queueMessageSizes() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(props.get("medrelay.broker.url"));
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(props.get("medrelay.hl7.inbound-queue")));
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                Message message = (Message) messages.nextElement();
                sizes.add(message.propertyExists(QueueBatch.SIZE_PROPERTY)
                        ? message.getIntProperty(QueueBatch.SIZE_PROPERTY) : 1);
            }
        }
        return sizes;
    }

    private static void awaitStatus(String dedupKey, MessageStatus expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (engine.messageLog().statusOf(dedupKey).filter(expected::equals).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "message " + dedupKey + " did not reach " + expected);
            Thread.sleep(50);
        }
    }

    private static List<StoredError> awaitErrors(int count) throws Exception {
        DataSource store = engine.camelContext().getRegistry().lookupByNameAndType("medrelayStore", DataSource.class);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            List<StoredError> errors = new ErrorStore(store).list(100).stream()
                    .filter(e -> e.controlId() != null && e.controlId().startsWith("B")).toList();
            if (errors.size() >= count || System.nanoTime() > deadline) {
                return errors;
            }
            Thread.sleep(100);
        }
    }

    private static List<Patient> patientsWithMrn(IGenericClient fhir, String mrn) {
        Bundle found = fhir.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly().code(mrn))
                .returnBundle(Bundle.class).execute();
        return found.getEntry().stream().map(e -> (Patient) e.getResource()).toList();
    }
}
