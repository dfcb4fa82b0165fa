package org.medrelay.routes.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.referral.ReferralLoop;
import org.medrelay.processors.referral.ReferralLoops;
import org.medrelay.processors.referral.ReferralStage;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The referral step of hl7-process end to end: the test-data REF^I12 over MLLP, as an inbound referral to cardiology for
 * chest pain, becomes an urgent scheduling work item; the same message with the practice's NPI as the referring
 * provider opens an outbound loop at stage sent instead.
 */
class ReferralEngineTest {

    private static final String DOCTOR_NPI = "1234567890";

    @TempDir
    Path dataDir;

    private static String referral() throws Exception {
        try (InputStream in = ReferralEngineTest.class.getResourceAsStream("/medrelay-test-data/hl7v2/ref-i12-referral.hl7")) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .replace("MED^Medical^HL70281", "CARD^Cardiology^L")
                    .replace("I25.10^Atherosclerotic heart disease^I10C", "R07.9^Chest pain, unspecified^I10C");
        }
    }

    private static void awaitProcessed(MedRelayEngine engine, String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (engine.messageLog().statusOf(key).filter(MessageStatus.PROCESSED::equals).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(MessageStatus.PROCESSED, engine.messageLog().statusOf(key).orElseThrow());
    }

    @Test
    void anInboundRefOverMllpBecomesAnUrgentSchedulingWorkItem() throws Exception {
        int mllpPort = TestEngines.freePort();
        try (MedRelayEngine engine = new MedRelayEngine(TestEngines.embedded(dataDir, mllpPort, TestEngines.freePort(), Map.of())).start();
             MllpClient client = new MllpClient("127.0.0.1", mllpPort, Duration.ofSeconds(20))) {
            assertEquals("AA", AckSummary.of(client.send(referral().getBytes(StandardCharsets.ISO_8859_1))).code());
            awaitProcessed(engine, "REFERRALS|MRH_CLINIC|MSG00501");
            WorkItemStore store = engine.camelContext().getRegistry().lookupByNameAndType("workItemStore", WorkItemStore.class);
            List<WorkItem> items = store.list(WorkItemQuery.all());
            assertEquals(1, items.size());
            WorkItem item = items.get(0);
            assertEquals("referral-scheduling", item.type().code());
            assertEquals("referrals", item.workflow());
            assertEquals(WorkQueue.SCHEDULING, item.queue());
            assertEquals(WorkItemPriority.URGENT, item.priority());
            assertEquals(List.of("specialty offered: CARD", "plan accepted: 60054", "urgency word 'chest pain': urgent"),
                    item.suiteResult().reasons());
            assertTrue(item.links().get(0).reference().startsWith("ServiceRequest/"), item.links().toString());
        }
    }

    @Test
    void aRefFromThePracticeOpensAnOutboundLoop() throws Exception {
        int mllpPort = TestEngines.freePort();
        try (MedRelayEngine engine = new MedRelayEngine(TestEngines.embedded(dataDir, mllpPort, TestEngines.freePort(),
                Map.of("medrelay.referrals.practice-npis", DOCTOR_NPI))).start();
             MllpClient client = new MllpClient("127.0.0.1", mllpPort, Duration.ofSeconds(20))) {
            assertEquals("AA", AckSummary.of(client.send(referral().getBytes(StandardCharsets.ISO_8859_1))).code());
            awaitProcessed(engine, "REFERRALS|MRH_CLINIC|MSG00501");
            DataSource store = engine.camelContext().getRegistry().lookupByNameAndType("medrelayStore", DataSource.class);
            List<ReferralLoop> loops = new ReferralLoops(store).open();
            assertEquals(1, loops.size());
            assertEquals("REF5001", loops.get(0).referralId());
            assertEquals(ReferralStage.SENT, loops.get(0).stage());
            assertEquals("CARD", loops.get(0).specialty());
            assertTrue(loops.get(0).serviceRequest().startsWith("ServiceRequest/"));
            WorkItemStore items = engine.camelContext().getRegistry().lookupByNameAndType("workItemStore", WorkItemStore.class);
            assertEquals(List.of(), items.list(WorkItemQuery.all()), "an outbound referral is tracked, not triaged");
        }
    }
}
