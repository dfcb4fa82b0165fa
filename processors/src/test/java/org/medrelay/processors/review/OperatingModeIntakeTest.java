package org.medrelay.processors.review;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.review.SyntheticItems.PATIENT_A;

/** What a new result becomes in each operating mode, and what approving it then does. */
class OperatingModeIntakeTest extends H2Desk {

    @Test
    void reviewIsTheDefaultAndDraftsWaitForApproval() throws SQLException {
        WorkItem item = desk.intake.accept(SyntheticItems.priorAuthDraft(PATIENT_A, 0.99, desk.in(Duration.ofDays(2))));

        assertEquals(OperatingMode.REVIEW, item.mode(), "no property set: review");
        assertEquals(WorkItemStatus.OPEN, item.status());
        assertTrue(desk.release.released().isEmpty(), "even a confident draft waits in review mode");

        WorkItem approved = desk.actions.approve(item.id(), item.version(), "dr.osei");
        assertEquals(WorkItemStatus.RELEASED, approved.status());
        assertEquals(List.of(new RecordingRelease.Released(item.id(), item.suiteResult().draft())),
                desk.release.released());
    }

    @Test
    void shadowQueuesTheItemButApprovalOnlyRecordsTheDecision() throws SQLException {
        desk.mode("prior-auth", "shadow");
        WorkItem item = desk.intake.accept(SyntheticItems.priorAuthDraft(PATIENT_A, 0.99, desk.in(Duration.ofDays(2))));
        assertEquals(OperatingMode.SHADOW, item.mode());
        assertEquals(WorkItemStatus.OPEN, item.status(), "the person still decides");

        WorkItem recorded = desk.actions.approve(item.id(), item.version(), "dr.osei");
        assertEquals(WorkItemStatus.RECORDED, recorded.status());
        assertEquals(DecisionKind.APPROVED_AS_IS, recorded.decision().kind(), "the decision is kept beside the result");
        assertTrue(desk.release.released().isEmpty(), "shadow mode never releases");
        assertEquals(0, desk.delivery.retryPending(), "nor later");
        assertTrue(desk.release.released().isEmpty());
    }

    @Test
    void shadowRecordsAnEditAsThePersonsOwnVersion() throws SQLException {
        desk.mode("prior-auth", "shadow");
        WorkItem item = desk.intake.accept(SyntheticItems.priorAuthDraft(PATIENT_A, 0.7, desk.in(Duration.ofDays(2))));
        Draft mine = Draft.text("ST*278*0001*005010X217~BHT*0007*13*SYN-PA-1-EDIT*20261124*1200~SE*3*0001~",
                "application/edi-x12");

        WorkItem recorded = desk.actions.approveEdited(item.id(), item.version(), "dr.osei", mine);
        assertEquals(WorkItemStatus.RECORDED, recorded.status());
        assertEquals(mine, recorded.decision().editedDraft());
        assertTrue(desk.release.released().isEmpty());
    }

    @Test
    void liveReleasesConfidentResultsAtOnce() throws SQLException {
        desk.mode("fax", "live");
        desk.properties.put("medrelay.workflow.fax.live-confidence", "0.90");

        WorkItem item = desk.intake.accept(SyntheticItems.faxTriage(PATIENT_A, 0.90, desk.in(Duration.ofHours(8))));

        assertEquals(WorkItemStatus.RELEASED, item.status(), "at the threshold counts as confident");
        assertEquals(DecisionKind.AUTO_RELEASED, item.decision().kind());
        assertEquals("medrelay", item.decision().decidedBy());
        assertEquals("referral", desk.release.released().get(0).draft().text(),
                "a classification is released as its text");
    }

    @Test
    void liveSendsTheRestToReview() throws SQLException {
        desk.mode("fax", "live");
        desk.properties.put("medrelay.workflow.fax.live-confidence", "0.90");

        WorkItem item = desk.intake.accept(SyntheticItems.faxTriage(PATIENT_A, 0.89, desk.in(Duration.ofHours(8))));

        assertEquals(WorkItemStatus.OPEN, item.status());
        assertEquals(OperatingMode.LIVE, item.mode());
        assertTrue(desk.release.released().isEmpty());
        assertEquals(WorkItemStatus.RELEASED, desk.actions.approve(item.id(), item.version(), "records.mo").status(),
                "reviewed like in review mode");
    }

    @Test
    void theDefaultModeKeyCoversWorkflowsWithoutTheirOwn() throws SQLException {
        desk.properties.put("medrelay.workflow.default-mode", "shadow");
        assertEquals(OperatingMode.SHADOW, desk.modes.modeOf("referrals"));
        desk.mode("referrals", "review");
        assertEquals(OperatingMode.REVIEW, desk.modes.modeOf("referrals"), "a workflow's own key wins");
        desk.properties.put("medrelay.workflow.referrals.mode", "autopilot");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> desk.modes.modeOf("referrals"));
        assertTrue(wrong.getMessage().contains("medrelay.workflow.referrals.mode"), wrong.getMessage());
    }

    @Test
    void anItemKeepsTheModeItCameInUnder() throws SQLException {
        desk.mode("prior-auth", "shadow");
        WorkItem drafted = desk.intake.accept(SyntheticItems.priorAuthDraft(PATIENT_A, 0.8, desk.in(Duration.ofDays(2))));
        desk.modeSwitch().switchTo("prior-auth", OperatingMode.REVIEW, "admin.ana");

        WorkItem approved = desk.actions.approve(drafted.id(), drafted.version(), "dr.osei");
        assertEquals(WorkItemStatus.RECORDED, approved.status(),
                "drafted in shadow: the person may already have acted on their own, so it is never released");
        assertTrue(desk.release.released().isEmpty());
    }
}
