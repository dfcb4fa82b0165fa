package org.medrelay.routes.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The refill step of hl7-process: the test-data OMP^O09 (metformin) over MLLP, for a patient the EHR has no visit
 * for, becomes a needs-visit item for the prescriber and a scheduling item with the patient message.
 */
class RefillTriageEngineTest {

    @TempDir
    Path dataDir;

    @Test
    void anOmpOverMllpForAPatientNeverSeenBecomesNeedsVisitWorkItems() throws Exception {
        byte[] omp;
        try (InputStream in = getClass().getResourceAsStream("/medrelay-test-data/hl7v2/omp-o09-medication-order.hl7")) {
            omp = in.readAllBytes();
        }
        int mllpPort = TestEngines.freePort();
        try (MedRelayEngine engine = new MedRelayEngine(TestEngines.embedded(dataDir, mllpPort, TestEngines.freePort(), Map.of())).start();
             MllpClient client = new MllpClient("127.0.0.1", mllpPort, Duration.ofSeconds(20))) {
            assertEquals("AA", AckSummary.of(client.send(omp)).code());
            WorkItemStore store = engine.camelContext().getRegistry().lookupByNameAndType("workItemStore", WorkItemStore.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (engine.messageLog().statusOf("CPOE|MRH_CLINIC|MSG00601").filter(MessageStatus.PROCESSED::equals).isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(MessageStatus.PROCESSED, engine.messageLog().statusOf("CPOE|MRH_CLINIC|MSG00601").orElseThrow());
            List<WorkItem> items = store.list(WorkItemQuery.all()).stream().sorted(Comparator.comparingLong(WorkItem::id)).toList();
            assertEquals(List.of(WorkQueue.CLINICIAN, WorkQueue.SCHEDULING), items.stream().map(WorkItem::queue).toList());
            WorkItem prescriber = items.get(0);
            assertEquals("refill-request", prescriber.type().code());
            assertEquals("needs-visit", prescriber.suiteResult().classification());
            assertTrue(prescriber.suiteResult().reasons().contains(
                    "diabetes: no visit with the prescriber on the chart; the protocol asks for one within 180 days"),
                    prescriber.suiteResult().reasons().toString());
            assertTrue(prescriber.links().get(0).reference().startsWith("MedicationRequest/"));
            assertTrue(items.get(1).suiteResult().draft().text().startsWith("Dear Elena,"));
        }
    }
}
