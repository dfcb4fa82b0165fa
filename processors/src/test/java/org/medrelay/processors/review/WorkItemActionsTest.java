package org.medrelay.processors.review;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.review.SyntheticItems.PATIENT_A;

/** A person's actions in review mode, and what reaches the workflow's endpoint. */
class WorkItemActionsTest extends H2Desk {

    @Test
    void approveReleasesTheSuitesDraft() throws SQLException {
        WorkItem item = newGap();
        WorkItem released = desk.actions.approve(item.id(), item.version(), "frontdesk.kim");

        assertEquals(WorkItemStatus.RELEASED, released.status());
        assertEquals(desk.clock.instant(), released.release().releasedAt());
        assertEquals(1, released.release().attempts());
        assertEquals(item.suiteResult().draft(), desk.release.released().get(0).draft());
    }

    @Test
    void editThenApproveReleasesTheEditedDraft() throws SQLException {
        WorkItem item = newGap();
        Draft edited = Draft.text("Your Synthetic Mutual plan ended; we will check your new plan at check-in.",
                "text/plain");
        WorkItem released = desk.actions.approveEdited(item.id(), item.version(), "frontdesk.kim", edited);

        assertEquals(WorkItemStatus.RELEASED, released.status());
        assertEquals(DecisionKind.EDITED, released.decision().kind());
        assertEquals(List.of(new RecordingRelease.Released(item.id(), edited)), desk.release.released());
        assertEquals(item.suiteResult().draft(), released.suiteResult().draft(), "the original is kept");
    }

    @Test
    void rejectReleasesNothingAndNeedsAReason() throws SQLException {
        WorkItem item = newGap();
        WorkItemActionRefusedException refused = assertThrows(WorkItemActionRefusedException.class,
                () -> desk.actions.reject(item.id(), item.version(), "frontdesk.kim", null));
        assertTrue(refused.getMessage().contains("needs a reason"), refused.getMessage());

        WorkItem rejected = desk.actions.reject(item.id(), item.version(), "frontdesk.kim", "new card scanned at desk");
        assertEquals(WorkItemStatus.REJECTED, rejected.status());
        assertTrue(desk.release.released().isEmpty());
        assertEquals(0, desk.delivery.retryPending());
        assertTrue(desk.release.released().isEmpty());
    }

    @Test
    void reassignChangesWhoDecidesNotTheDecision() throws SQLException {
        WorkItem item = newGap();
        WorkItem moved = desk.actions.reassign(item.id(), item.version(), "frontdesk.kim", WorkQueue.BILLING, "billing.raj");
        assertEquals(WorkQueue.BILLING, moved.queue());
        assertEquals("billing.raj", moved.assignee());
        assertEquals(WorkItemStatus.OPEN, moved.status());
        assertTrue(desk.release.released().isEmpty());
    }

    @Test
    void concurrentActionsOnOneItem() throws SQLException {
        WorkItem seenByBoth = newGap();
        desk.actions.approve(seenByBoth.id(), seenByBoth.version(), "frontdesk.kim");

        assertThrows(WorkItemConflictException.class,
                () -> desk.actions.approveEdited(seenByBoth.id(), seenByBoth.version(), "frontdesk.lee",
                        Draft.text("another wording", "text/plain")));
        assertThrows(WorkItemConflictException.class,
                () -> desk.actions.reassign(seenByBoth.id(), seenByBoth.version(), "frontdesk.lee", WorkQueue.BILLING, null));
        assertEquals(1, desk.release.released().size(), "released once, by the first approval");
    }

    @Test
    void failedReleaseStaysApprovedVisibleAndIsRetried() throws SQLException {
        WorkItem item = newGap();
        desk.release.refuse(true);

        WorkItem approved = desk.actions.approve(item.id(), item.version(), "frontdesk.kim");
        assertEquals(WorkItemStatus.APPROVED, approved.status(), "approved but not released");
        assertEquals(1, approved.release().attempts());
        assertTrue(approved.release().lastFailure().contains("test endpoint down"));
        assertEquals(List.of(item.id()), desk.store.list(WorkItemQuery.all().withStatus(WorkItemStatus.APPROVED))
                .stream().map(WorkItem::id).toList(), "visible in the APPROVED list");

        assertEquals(desk.clock.instant().plusSeconds(30), approved.release().nextAttemptAt());
        assertEquals(0, desk.delivery.retryPending(), "not due: the first retry waits 30 s");
        assertEquals(1, desk.store.get(item.id()).release().attempts(), "not tried before it was due");
        desk.clock.advance(Duration.ofSeconds(30));
        assertEquals(0, desk.delivery.retryPending(), "due, and still down");
        WorkItem twice = desk.store.get(item.id());
        assertEquals(2, twice.release().attempts());
        assertEquals(desk.clock.instant().plusSeconds(60), twice.release().nextAttemptAt(), "the wait doubles");

        desk.release.refuse(false);
        desk.clock.advance(Duration.ofSeconds(59));
        assertEquals(0, desk.delivery.retryPending(), "the endpoint is back, but the item is not due yet");
        desk.clock.advance(Duration.ofSeconds(1));
        assertEquals(1, desk.delivery.retryPending());

        WorkItem released = desk.store.get(item.id());
        assertEquals(WorkItemStatus.RELEASED, released.status());
        assertEquals(3, released.release().attempts());
        assertEquals(1, desk.release.released().size());
    }

    @Test
    void aReleaseUnderWayIsNotStartedTwice() throws SQLException {
        WorkItem approved = desk.store.approve(newGap().id(), 1, "frontdesk.kim", desk.clock.instant());
        ReleaseClaims otherEngine = new ReleaseClaims(dataSource, Duration.ofMinutes(2));
        assertTrue(otherEngine.claim(approved.id(), desk.clock.instant()));

        assertEquals(0, desk.delivery.retryPending(), "the other engine is releasing it");
        desk.clock.advance(Duration.ofMinutes(3));
        assertEquals(1, desk.delivery.retryPending(), "its lease ran out: the other engine stopped, so retry");
    }

    private WorkItem newGap() throws SQLException {
        return desk.intake.accept(SyntheticItems.eligibilityGap(PATIENT_A, 0.8, desk.in(Duration.ofHours(4))));
    }
}
