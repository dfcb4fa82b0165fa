package org.medrelay.routes.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.x12.EligibilityInquiry;
import org.medrelay.processors.access.Role;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.eligibility.EligibilityCheck;
import org.medrelay.processors.eligibility.EligibilityRequests;
import org.medrelay.processors.eligibility.EligibilityWorkItems;
import org.medrelay.processors.eligibility.SentEnvelope;
import org.medrelay.processors.eligibility.StoredRequest;
import org.medrelay.processors.eligibility.Visit;
import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.processors.review.SuiteResult;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/work-items/{id}/recheck-eligibility} on the real engine: the front desk asks the payer again about
 * a gap item's check (a new request due now, REPROCESS audited under the account), billing may not, a second ask
 * about the replaced check is a conflict, and a work item of another kind is refused.
 */
class EligibilityRecheckApiTest {

    private static final String PATIENT_KEY = ApiTestEngine.PATIENT.pseudonymKey();

    @TempDir
    static Path dataDir;

    private static ApiTestEngine api;
    private static EligibilityRequests requests;

    @BeforeAll
    static void start() throws Exception {
        api = ApiTestEngine.start(dataDir, Map.of());
        api.addUser("kim.frontdesk", Role.FRONT_DESK);
        api.addUser("bo.billing", Role.BILLING);
        requests = api.bean("eligibilityRequests", EligibilityRequests.class);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theFrontDeskAsksAgainAboutAGapAndTheReplacedCheckCannotBeAskedTwice() throws Exception {
        StoredRequest answered = answeredCheck("W100", "CoverageEligibilityResponse/cer-api-1");
        WorkItem gap = gapItem("CoverageEligibilityResponse/cer-api-1");
        ApiClient frontDesk = api.loggedIn("kim.frontdesk");

        assertEquals(403, api.loggedIn("bo.billing").post("/api/work-items/" + gap.id() + "/recheck-eligibility", "{}").status());
        ApiClient.Reply reply = frontDesk.post("/api/work-items/" + gap.id() + "/recheck-eligibility", "{}");

        assertEquals(202, reply.status(), reply.body());
        JsonNode json = reply.json();
        assertEquals(answered.id(), json.get("replaces").asLong());
        assertEquals("DUE", json.get("status").asText());
        long again = json.get("request").asLong();
        StoredRequest asked = requests.counting(again).orElseThrow();
        assertTrue(asked.check().askedAgain());
        assertEquals(LocalDate.of(2026, 12, 1), asked.check().visit().date());
        assertEquals(Optional.empty(), requests.counting(answered.id()));
        AuditEntry entry = api.audit(20).stream().filter(e -> e.event().action() == AuditAction.REPROCESS).findFirst().orElseThrow();
        assertEquals("kim.frontdesk", entry.event().actor());
        assertEquals("eligibility-request/" + again, entry.event().target());
        assertEquals(PATIENT_KEY, entry.event().patientKey());
        assertEquals("api", entry.event().interfaceName());

        // the item still links the first response, whose check is replaced: asking about it again is a conflict
        ApiClient.Reply second = frontDesk.post("/api/work-items/" + gap.id() + "/recheck-eligibility", "{}");
        assertEquals(409, second.status(), second.body());
    }

    @Test
    void aWorkItemOfAnotherKindIsRefused() throws Exception {
        WorkItem other = api.draft("eligibility", WorkItemType.of("eligibility-clearinghouse-problem"), WorkQueue.FRONT_DESK);
        ApiClient.Reply reply = api.loggedIn("kim.frontdesk").post("/api/work-items/" + other.id() + "/recheck-eligibility", "{}");
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.body().contains("not an eligibility-gap"), reply.body());
    }

    private static StoredRequest answeredCheck(String memberId, String response) throws Exception {
        EligibilityCheck check = new EligibilityCheck(PATIENT_KEY, ApiTestEngine.PATIENT.reference(), null, "REGADT|MRH|API1",
                new EligibilityInquiry.InformationSource("AETNA", "PI", "60054"),
                new EligibilityInquiry.Subscriber("SYNTHETIC", "PAT", memberId, LocalDate.of(1980, 1, 1), "F"),
                new Visit(LocalDate.of(2026, 12, 1), "98", new BigDecimal("200")), Instant.now(), false);
        StoredRequest request = requests.schedule(check, "coverage-" + memberId).orElseThrow();
        requests.sent(request.id(), new SentEnvelope("000000009", "9", "0009"), "270-api.x12");
        requests.answered(request.id(), response, "gaps: coverage-inactive");
        return request;
    }

    private static WorkItem gapItem(String response) throws Exception {
        NewWorkItem item = new NewWorkItem(WorkItemType.ELIGIBILITY_GAP, EligibilityWorkItems.WORKFLOW, ApiTestEngine.PATIENT,
                WorkQueue.FRONT_DESK, null, Instant.now().plus(Duration.ofDays(1)), WorkItemPriority.ROUTINE,
                new SuiteResult(Draft.text("Eligibility for the visit on 2026-12-01", "text/plain"), "coverage-inactive", 1.0,
                        List.of("coverage-inactive: the payer reports the coverage inactive")),
                "REGADT|MRH|API1", List.of(WorkItemLink.fhir(response, "271 eligibility response")));
        return api.bean("workItemIntake", WorkItemIntake.class).accept(item);
    }
}
