package org.medrelay.routes.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.access.Role;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemStatus;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.processors.store.ErrorKind;
import org.medrelay.processors.store.ErrorStatus;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.processors.store.MessageError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API's endpoints on the real engine over loopback HTTP, each as the role it is for: the queues, one item,
 * approve (as is and edited), reject, reassign, the audit trail, the scorecard and the error store. Each action's
 * effect on the item and its audit entry under the person's account name; every read of an item audited.
 */
class WorkItemApiTest {

    @TempDir
    static Path dataDir;

    private static ApiTestEngine api;
    private static WorkItemStore store;

    @BeforeAll
    static void start() throws Exception {
        api = ApiTestEngine.start(dataDir, Map.of());
        api.addUser("kim.frontdesk", Role.FRONT_DESK);
        api.addUser("bo.billing", Role.BILLING);
        api.addUser("dr.osei", Role.CLINICIAN);
        api.addUser("ana.admin", Role.ADMIN);
        store = api.bean("workItemStore", WorkItemStore.class);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theQueueListingShowsTheRolesQueuesAndAuditsEachItemRead() throws Exception {
        WorkItem frontDesk = eligibilityItem();
        WorkItem billing = api.draft("denials", WorkItemType.DENIAL_WORKUP, WorkQueue.BILLING);
        ApiClient kim = api.loggedIn("kim.frontdesk");

        ApiClient.Reply listed = kim.get("/api/work-items?status=OPEN&patient=" + ApiTestEngine.PATIENT.pseudonymKey());
        assertEquals(200, listed.status());
        List<Long> ids = ids(listed.json());
        assertTrue(ids.contains(frontDesk.id()));
        assertTrue(!ids.contains(billing.id()), "front desk does not see billing's queue");
        AuditEntry read = entry(e -> e.event().action() == AuditAction.READ
                && ("work-item/" + frontDesk.id()).equals(e.event().target()));
        assertEquals("kim.frontdesk", read.event().actor());
        assertEquals(ApiTestEngine.PATIENT.pseudonymKey(), read.event().patientKey());
        assertEquals(frontDesk.sourceMessageKey(), read.event().sourceMessage());
        assertEquals("api", read.event().interfaceName());

        assertEquals(403, kim.get("/api/work-items?queue=billing").status());
        assertEquals(400, kim.get("/api/work-items?patient=MRN100001").status(), "an MRN is never a filter");
        assertEquals(400, kim.get("/api/work-items?queue=nowhere").status());
    }

    @Test
    void oneItemComesWithItsDraftReasonsAndLinksAndItsReadIsAudited() throws Exception {
        WorkItem item = eligibilityItem();
        ApiClient kim = api.loggedIn("kim.frontdesk");

        JsonNode json = kim.get("/api/work-items/" + item.id()).json();
        assertEquals(item.suiteResult().draft().text(), json.path("draft").path("text").asText());
        assertEquals(0.82, json.path("confidence").asDouble());
        assertEquals("271 EB01=6 (inactive) for the visit date", json.path("reasons").get(0).asText());
        assertEquals("Coverage/cov-syn-api", json.path("links").get(0).path("reference").asText());
        assertEquals(item.version(), json.path("version").asLong());
        assertEquals("kim.frontdesk", entry(e -> e.event().action() == AuditAction.READ
                && ("work-item/" + item.id()).equals(e.event().target())).event().actor());

        assertEquals(404, kim.get("/api/work-items/999999").status());
        assertEquals(403, api.loggedIn("bo.billing").get("/api/work-items/" + item.id()).status());
    }

    @Test
    void approvalReleasesTheDraftAndIsAuditedUnderTheAccount() throws Exception {
        WorkItem item = eligibilityItem();
        ApiClient kim = api.loggedIn("kim.frontdesk");

        ApiClient.Reply approved = kim.post("/api/work-items/" + item.id() + "/approve",
                "{\"version\":" + item.version() + "}");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("RELEASED", approved.json().path("status").asText());
        assertEquals(WorkItemStatus.RELEASED, store.get(item.id()).status());
        Exchange out = released();
        assertEquals(item.suiteResult().draft().text(), new String(out.getMessage().getBody(byte[].class),
                StandardCharsets.UTF_8));
        AuditEntry approval = entry(e -> e.event().action() == AuditAction.APPROVE
                && ("work-item/" + item.id()).equals(e.event().target()));
        assertEquals("kim.frontdesk", approval.event().actor());
        assertEquals(AuditOutcome.SUCCESS, approval.event().outcome());

        ApiClient.Reply again = kim.post("/api/work-items/" + item.id() + "/approve",
                "{\"version\":" + item.version() + "}");
        assertEquals(409, again.status(), "the version read is gone");
        assertEquals("conflict", again.json().path("error").asText());
    }

    @Test
    void anEditedDraftIsApprovedAndReleasedInsteadOfTheSuites() throws Exception {
        WorkItem item = eligibilityItem();
        ApiClient kim = api.loggedIn("kim.frontdesk");

        ApiClient.Reply approved = kim.post("/api/work-items/" + item.id() + "/approve", "{\"version\":"
                + item.version() + ",\"draft\":{\"text\":\"Coverage ended; new card requested at check-in.\"}}");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("EDITED", approved.json().path("decision").path("kind").asText());
        assertEquals("Coverage ended; new card requested at check-in.", new String(released().getMessage()
                .getBody(byte[].class), StandardCharsets.UTF_8));
        assertTrue(entry(e -> e.event().action() == AuditAction.APPROVE
                && ("work-item/" + item.id()).equals(e.event().target())).event().reason().contains("edited"));
    }

    @Test
    void aRejectionNeedsItsReasonAndKeepsItWithTheItemOnly() throws Exception {
        WorkItem item = api.draft("refills", WorkItemType.REFILL_REQUEST, WorkQueue.CLINICIAN);
        ApiClient osei = api.loggedIn("dr.osei");

        ApiClient.Reply noReason = osei.post("/api/work-items/" + item.id() + "/reject",
                "{\"version\":" + item.version() + "}");
        assertEquals(422, noReason.status());
        assertEquals(AuditOutcome.FAILURE, entry(e -> e.event().action() == AuditAction.REJECT
                && ("work-item/" + item.id()).equals(e.event().target())).event().outcome());

        ApiClient.Reply rejected = osei.post("/api/work-items/" + item.id() + "/reject",
                "{\"version\":" + item.version() + ",\"reason\":\"Dose changed at last visit; see chart\"}");
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("REJECTED", rejected.json().path("status").asText());
        assertEquals("Dose changed at last visit; see chart", store.get(item.id()).decision().reason());
        AuditEntry entry = entry(e -> e.event().action() == AuditAction.REJECT
                && e.event().outcome() == AuditOutcome.SUCCESS && ("work-item/" + item.id()).equals(e.event().target()));
        assertEquals("dr.osei", entry.event().actor());
        assertTrue(!entry.event().reason().contains("Dose"), "the typed reason stays with the item");
    }

    @Test
    void reassignmentMovesTheItemToAnotherQueue() throws Exception {
        WorkItem item = eligibilityItem();
        ApiClient kim = api.loggedIn("kim.frontdesk");

        ApiClient.Reply moved = kim.post("/api/work-items/" + item.id() + "/reassign",
                "{\"version\":" + item.version() + ",\"queue\":\"billing\"}");
        assertEquals(200, moved.status(), moved.body());
        assertEquals(WorkQueue.BILLING, store.get(item.id()).queue());
        assertEquals("kim.frontdesk", entry(e -> e.event().action() == AuditAction.REASSIGN
                && ("work-item/" + item.id()).equals(e.event().target())).event().actor());
        assertEquals(403, kim.get("/api/work-items/" + item.id()).status(), "now billing's");
        assertEquals(200, api.loggedIn("bo.billing").get("/api/work-items/" + item.id()).status());
    }

    @Test
    void anActionOnAnotherRolesQueueIsForbiddenAndAudited() throws Exception {
        WorkItem item = api.draft("denials", WorkItemType.DENIAL_WORKUP, WorkQueue.BILLING);
        ApiClient osei = api.loggedIn("dr.osei");

        for (String action : List.of("approve", "reject", "reassign")) {
            ApiClient.Reply refused = osei.post("/api/work-items/" + item.id() + "/" + action,
                    "{\"version\":" + item.version() + ",\"reason\":\"x\",\"queue\":\"clinician\"}");
            assertEquals(403, refused.status(), action);
            assertEquals("forbidden", refused.json().path("error").asText());
        }
        assertEquals(WorkItemStatus.OPEN, store.get(item.id()).status());
        AuditEntry refusal = entry(e -> e.event().action() == AuditAction.APPROVE
                && ("/api/work-items/" + item.id() + "/approve").equals(e.event().target()));
        assertEquals("dr.osei", refusal.event().actor());
        assertEquals(AuditOutcome.FAILURE, refusal.event().outcome());
    }

    @Test
    void theAuditTrailIsForAdminsAndFiltersLikeTheCli() throws Exception {
        eligibilityItem();
        assertEquals(403, api.loggedIn("dr.osei").get("/api/audit").status());

        ApiClient ana = api.loggedIn("ana.admin");
        ApiClient.Reply all = ana.get("/api/audit?limit=5");
        assertEquals(200, all.status());
        assertEquals(5, all.json().size());
        JsonNode newest = all.json().get(0);
        assertEquals("ana.admin", newest.path("actor").asText(), "the reading itself is recorded first");
        assertEquals("audit-event", newest.path("target").asText());

        JsonNode patient = ana.get("/api/audit?patient=" + ApiTestEngine.PATIENT.pseudonymKey() + "&since=2020-01-01")
                .json();
        assertTrue(patient.size() > 0);
        patient.forEach(e -> assertEquals(ApiTestEngine.PATIENT.pseudonymKey(), e.path("patientKey").asText()));
        assertEquals(400, ana.get("/api/audit?since=yesterday").status());
    }

    @Test
    void theScorecardCountsEachWorkflowForEveryRole() throws Exception {
        WorkItem item = eligibilityItem();
        ApiClient kim = api.loggedIn("kim.frontdesk");
        kim.post("/api/work-items/" + item.id() + "/approve", "{\"version\":" + item.version() + "}");
        released();

        ApiClient.Reply scorecard = kim.get("/api/scorecard?workflow=eligibility");
        assertEquals(200, scorecard.status());
        JsonNode eligibility = scorecard.json().get(0);
        assertEquals("eligibility", eligibility.path("workflow").asText());
        assertTrue(eligibility.path("volume").asLong() >= 1);
        assertTrue(eligibility.path("approvedAsIs").asInt() >= 1);
        List<String> all = api.loggedIn("bo.billing").get("/api/scorecard").json().findValuesAsText("workflow");
        assertTrue(all.containsAll(List.of("denials", "eligibility", "fax", "prior-auth", "refills")), all.toString());
        assertEquals(404, kim.get("/api/scorecard?workflow=nothing").status());
    }

    @Test
    void theErrorStoreIsListedAndReprocessedByAdminsOnly() throws Exception {
        ErrorStore errors = new ErrorStore(api.store());
        byte[] raw = ("MSH|^~\\&|REG|MRH_CLINIC|MEDRELAY|MRH|20261103083000||ZZZ^Z01|API-ERR-1|P|2.5\r"
                + "PID|1||SYN900001^^^MRH^MR||Synthetic^Patient\r").getBytes(StandardCharsets.US_ASCII);
        long id = errors.record(new MessageError(ErrorKind.REJECTED, "hl7-mllp-in", "REG|MRH_CLINIC|API-ERR-1",
                "API-ERR-1", "ZZZ^Z01", 200, "MSH-9", "unsupported message type", null, "ISO-8859-1", raw, null),
                Instant.now());

        assertEquals(403, api.loggedIn("bo.billing").get("/api/errors").status());
        ApiClient ana = api.loggedIn("ana.admin");
        JsonNode listed = ana.get("/api/errors").json();
        assertTrue(listed.findValues("id").stream().anyMatch(n -> n.asLong() == id));
        assertEquals(403, api.loggedIn("kim.frontdesk").post("/api/errors/" + id + "/reprocess", "{}").status());

        ApiClient.Reply reprocess = ana.post("/api/errors/" + id + "/reprocess", "{}");
        assertEquals(202, reprocess.status(), reprocess.body());
        AuditEntry entry = entry(e -> e.event().action() == AuditAction.REPROCESS && ("error/" + id).equals(e.event().target()));
        assertEquals("ana.admin", entry.event().actor());
        assertNotNull(entry.event().patientKey(), "the message's patient, by key");
        ErrorStatus status = errors.find(id).orElseThrow().status();
        assertTrue(status == ErrorStatus.REPROCESS_REQUESTED || status == ErrorStatus.REPROCESSED, status.name());
        assertEquals(404, ana.post("/api/errors/999999/reprocess", "{}").status());
    }

    private static WorkItem eligibilityItem() throws Exception {
        return api.draft("eligibility", WorkItemType.ELIGIBILITY_GAP, WorkQueue.FRONT_DESK);
    }

    private static Exchange released() {
        ConsumerTemplate consumer = api.engine.camelContext().createConsumerTemplate();
        Exchange out = consumer.receive("seda:eligibility-out", 20_000);
        assertNotNull(out, "the draft reached the workflow's endpoint");
        return out;
    }

    private static AuditEntry entry(Predicate<AuditEntry> which) throws Exception {
        return api.audit(500).stream().filter(which).findFirst()
                .orElseThrow(() -> new AssertionError("no such audit entry"));
    }

    private static List<Long> ids(JsonNode array) {
        return array.findValues("id").stream().map(JsonNode::asLong).toList();
    }
}
