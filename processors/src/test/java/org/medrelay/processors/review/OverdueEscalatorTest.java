package org.medrelay.processors.review;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.review.SyntheticItems.PATIENT_A;

/** Overdue items escalate, and someone hears of each one until the notification went out. */
class OverdueEscalatorTest extends H2Desk {

    @Test
    void anOverdueItemEscalatesToTheSupervisorWithANotification() throws SQLException {
        WorkItem item = desk.intake.accept(SyntheticItems.eligibilityGap(PATIENT_A, 0.8, desk.in(Duration.ofHours(2))));

        desk.clock.advance(Duration.ofHours(2));
        assertTrue(desk.escalator.escalateOverdue().isEmpty(), "due now is not yet overdue");
        assertEquals(WorkItemStatus.OPEN, desk.store.get(item.id()).status());

        desk.clock.advance(Duration.ofSeconds(1));
        List<OverdueNotification> notifications = desk.escalator.escalateOverdue();

        WorkItem escalated = desk.store.get(item.id());
        assertEquals(WorkItemStatus.ESCALATED, escalated.status());
        assertEquals(WorkQueue.SUPERVISOR, escalated.queue());
        assertEquals(WorkQueue.FRONT_DESK, escalated.originalQueue());
        assertEquals(List.of(new OverdueNotification(item.id(), OverdueNotification.Kind.ESCALATED, "eligibility",
                WorkQueue.SUPERVISOR, WorkQueue.FRONT_DESK)), notifications);
    }

    @Test
    void aNotificationIsOfferedAgainUntilItWasSent() throws SQLException {
        WorkItem item = desk.intake.accept(SyntheticItems.eligibilityGap(PATIENT_A, 0.8, desk.in(Duration.ofHours(1))));
        desk.clock.advance(Duration.ofHours(2));
        OverdueNotification first = desk.escalator.escalateOverdue().get(0);

        desk.clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(first), desk.escalator.escalateOverdue(), "sending failed: offered again, escalated once");
        assertEquals(2, desk.store.get(item.id()).version(), "escalated only once");

        desk.escalator.notified(first);
        assertTrue(desk.escalator.escalateOverdue().isEmpty());
    }

    @Test
    void decidedAndReassignedEscalatedItemsDoNotEscalateAgain() throws SQLException {
        WorkItem decided = desk.intake.accept(SyntheticItems.eligibilityGap(PATIENT_A, 0.8, desk.in(Duration.ofHours(1))));
        desk.actions.reject(decided.id(), decided.version(), "frontdesk.kim", "patient self-pay");
        WorkItem late = desk.intake.accept(SyntheticItems.eligibilityGap(PATIENT_A, 0.8, desk.in(Duration.ofHours(1))));
        desk.clock.advance(Duration.ofHours(2));

        OverdueNotification notification = desk.escalator.escalateOverdue().get(0);
        assertEquals(late.id(), notification.workItemId(), "only the undecided item");
        desk.escalator.notified(notification);

        WorkItem handedOn = desk.actions.reassign(late.id(), 2, "supervisor.bo", WorkQueue.FRONT_DESK, "frontdesk.lee");
        assertEquals(WorkItemStatus.ESCALATED, handedOn.status());
        desk.clock.advance(Duration.ofHours(1));
        assertTrue(desk.escalator.escalateOverdue().isEmpty(), "handed on by the supervisor, not escalated twice");
    }

    @Test
    void anApprovalItsEndpointHasNotTakenByTheDueDateIsReported() throws SQLException {
        WorkItem item = desk.intake.accept(SyntheticItems.priorAuthDraft(PATIENT_A, 0.8, desk.in(Duration.ofHours(3))));
        desk.release.refuse(true);
        desk.actions.approve(item.id(), item.version(), "dr.osei");
        desk.clock.advance(Duration.ofHours(4));

        List<OverdueNotification> notifications = desk.escalator.escalateOverdue();
        assertEquals(List.of(new OverdueNotification(item.id(), OverdueNotification.Kind.RELEASE_OVERDUE, "prior-auth",
                WorkQueue.CLINICIAN, WorkQueue.CLINICIAN)), notifications);
        assertEquals(WorkItemStatus.APPROVED, desk.store.get(item.id()).status(), "still approved, still retried");
        desk.escalator.notified(notifications.get(0));
        assertTrue(desk.escalator.escalateOverdue().isEmpty());
    }

    @Test
    void theNotificationTextNamesTheItemAndQueueOnly() throws SQLException {
        WorkItem item = desk.intake.accept(SyntheticItems.eligibilityGap(PATIENT_A, 0.8, desk.in(Duration.ofHours(1))));
        desk.clock.advance(Duration.ofHours(2));
        String text = desk.escalator.escalateOverdue().get(0).toString();

        assertEquals("Work item " + item.id() + " is overdue: escalated from FRONT_DESK to SUPERVISOR", text);
        for (String phi : List.of(PATIENT_A.reference(), "syn-a17", PATIENT_A.pseudonymKey(), "Synthetic Mutual",
                "EB01", "CTL-1001")) {
            assertFalse(text.contains(phi), phi);
        }
    }
}
