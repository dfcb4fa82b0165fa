package org.medrelay.processors.review;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.review.SyntheticItems.PATIENT_A;
import static org.medrelay.processors.review.SyntheticItems.PATIENT_B;

/**
 * What the work item store does, on every database the store runs on: the subclasses give it H2 and PostgreSQL.
 * Every SQL statement of the review package runs here at least once.
 */
abstract class WorkItemStoreContract {

    private DataSource dataSource;
    private ReviewDesk desk;
    private WorkItemStore store;

    /** A freshly migrated, empty store. */
    abstract DataSource openStore() throws SQLException;

    abstract void closeStore() throws SQLException;

    @BeforeEach
    void desk() throws SQLException {
        dataSource = openStore();
        desk = new ReviewDesk(dataSource);
        store = desk.store;
    }

    @AfterEach
    void close() throws SQLException {
        closeStore();
    }

    private DataSource dataSource() {
        return dataSource;
    }

    @Test
    void newItemIsStoredWithEverythingThePersonNeeds() throws SQLException {
        Instant due = desk.in(Duration.ofHours(4));
        WorkItem item = store.create(SyntheticItems.eligibilityGap(PATIENT_A, 0.82, due), OperatingMode.REVIEW,
                desk.clock.instant());

        WorkItem read = store.get(item.id());
        assertEquals(WorkItemType.ELIGIBILITY_GAP, read.type());
        assertEquals("eligibility", read.workflow());
        assertEquals(OperatingMode.REVIEW, read.mode());
        assertEquals(PATIENT_A, read.patient());
        assertEquals(WorkQueue.FRONT_DESK, read.queue());
        assertNull(read.originalQueue());
        assertEquals(due, read.dueAt());
        assertEquals(WorkItemPriority.URGENT, read.priority());
        assertEquals(WorkItemStatus.OPEN, read.status());
        assertEquals("text/plain", read.suiteResult().draft().contentType());
        assertTrue(read.suiteResult().draft().text().startsWith("Coverage with Synthetic Mutual ended"));
        assertEquals(0.82, read.suiteResult().confidence());
        assertEquals(List.of("271 EB01=6: inactive coverage", "no other active plan on file"), read.suiteResult().reasons());
        assertEquals("EPICADT|SYNCLINIC|CTL-1001", read.sourceMessageKey());
        assertEquals(WorkItemLink.fhir("Coverage/cov-syn-1", "coverage from the 271"), read.links().get(0));
        assertEquals(WorkItemLink.Kind.DOCUMENT, read.links().get(1).kind());
        assertNull(read.decision());
        assertEquals(ReleaseState.NOT_TRIED, read.release());
        assertEquals(ReviewDesk.START, read.createdAt());
        assertEquals(1, read.version());
    }

    @Test
    void listsByQueueStatusAndPatient() throws SQLException {
        Instant now = desk.clock.instant();
        WorkItem gapA = store.create(SyntheticItems.eligibilityGap(PATIENT_A, 0.9, desk.in(Duration.ofHours(2))),
                OperatingMode.REVIEW, now);
        WorkItem gapB = store.create(SyntheticItems.eligibilityGap(PATIENT_B, 0.9, desk.in(Duration.ofHours(1))),
                OperatingMode.REVIEW, now);
        WorkItem priorAuthA = store.create(SyntheticItems.priorAuthDraft(PATIENT_A, 0.9, desk.in(Duration.ofHours(3))),
                OperatingMode.REVIEW, now);
        store.reject(gapB.id(), gapB.version(), "frontdesk.kim", "patient brought a new card", now);

        assertEquals(List.of(gapB.id(), gapA.id()), ids(store.list(WorkItemQuery.all().inQueue(WorkQueue.FRONT_DESK))),
                "soonest due first");
        assertEquals(List.of(gapA.id(), priorAuthA.id()),
                ids(store.list(WorkItemQuery.all().withStatus(WorkItemStatus.OPEN))));
        assertEquals(List.of(gapA.id(), priorAuthA.id()), ids(store.list(WorkItemQuery.all().forPatient("Patient/syn-a17"))));
        assertEquals(List.of(gapB.id()), ids(store.list(WorkItemQuery.all().inQueue(WorkQueue.FRONT_DESK)
                .withStatus(WorkItemStatus.REJECTED).forPatient("Patient/syn-b42"))));
        assertEquals(List.of(priorAuthA.id()), ids(store.list(WorkItemQuery.all().inWorkflow("prior-auth"))));
    }

    @Test
    void approveRecordsTheDecisionAndRaisesTheVersion() throws SQLException {
        WorkItem item = open();
        WorkItem approved = store.approve(item.id(), 1, "frontdesk.kim", desk.clock.instant());

        assertEquals(WorkItemStatus.APPROVED, approved.status());
        assertEquals(DecisionKind.APPROVED_AS_IS, approved.decision().kind());
        assertEquals("frontdesk.kim", approved.decision().decidedBy());
        assertEquals(desk.clock.instant(), approved.decision().decidedAt());
        assertEquals(2, approved.version());
        assertEquals("frontdesk.kim", approved.updatedBy());
    }

    @Test
    void editThenApproveKeepsTheOriginalBesideTheEdit() throws SQLException {
        WorkItem item = open();
        Draft edited = Draft.text("Coverage ended 2026-10-31. Please call us about your new plan.", "text/plain");
        WorkItem approved = store.approveEdited(item.id(), 1, "frontdesk.kim", edited, desk.clock.instant());

        assertEquals(DecisionKind.EDITED, approved.decision().kind());
        assertEquals(edited, approved.decision().editedDraft());
        assertEquals(item.suiteResult().draft(), approved.suiteResult().draft(), "the suite's draft is kept");
        assertArrayEquals(edited.payload(), approved.draftToRelease().payload(), "the edit is what gets released");
    }

    @Test
    void rejectNeedsAReason() throws SQLException {
        WorkItem item = open();
        assertThrows(WorkItemActionRefusedException.class,
                () -> store.reject(item.id(), 1, "frontdesk.kim", "  ", desk.clock.instant()));
        assertEquals(WorkItemStatus.OPEN, store.get(item.id()).status(), "a refused action changes nothing");

        WorkItem rejected = store.reject(item.id(), 1, "frontdesk.kim", "coverage was renewed yesterday",
                desk.clock.instant());
        assertEquals(WorkItemStatus.REJECTED, rejected.status());
        assertEquals("coverage was renewed yesterday", rejected.decision().reason());
    }

    @Test
    void reassignMovesQueueAndAssignee() throws SQLException {
        WorkItem item = open();
        WorkItem moved = store.reassign(item.id(), 1, "frontdesk.kim", WorkQueue.BILLING, "billing.raj",
                desk.clock.instant());
        assertEquals(WorkQueue.BILLING, moved.queue());
        assertEquals("billing.raj", moved.assignee());
        assertEquals(WorkItemStatus.OPEN, moved.status());

        WorkItem unassigned = store.reassign(item.id(), 2, "billing.raj", null, null, desk.clock.instant());
        assertEquals(WorkQueue.BILLING, unassigned.queue(), "no queue given: it stays");
        assertNull(unassigned.assignee());
    }

    @Test
    void secondPersonActingOnTheSameVersionGetsAConflict() throws SQLException {
        WorkItem item = open();
        // Both read version 1; Kim approves first.
        store.approve(item.id(), item.version(), "frontdesk.kim", desk.clock.instant());

        WorkItemConflictException conflict = assertThrows(WorkItemConflictException.class,
                () -> store.reject(item.id(), item.version(), "frontdesk.lee", "wrong payer", desk.clock.instant()));
        assertEquals(1, conflict.expectedVersion());
        assertEquals(2, conflict.currentVersion());
        assertEquals(WorkItemStatus.APPROVED, conflict.currentStatus());
        assertTrue(conflict.getMessage().contains("changed since you read it"), conflict.getMessage());
        assertEquals("frontdesk.kim", store.get(item.id()).decision().decidedBy(), "the first decision stands");
    }

    @Test
    void decidedItemsCannotBeDecidedAgain() throws SQLException {
        WorkItem item = open();
        WorkItem rejected = store.reject(item.id(), 1, "frontdesk.kim", "duplicate", desk.clock.instant());
        assertThrows(WorkItemActionRefusedException.class,
                () -> store.approve(item.id(), rejected.version(), "frontdesk.kim", desk.clock.instant()));
        assertThrows(WorkItemNotFoundException.class,
                () -> store.approve(987_654L, 1, "frontdesk.kim", desk.clock.instant()));
    }

    @Test
    void escalationMovesToTheSupervisorAndKeepsTheOriginalQueue() throws SQLException {
        WorkItem item = open();
        desk.clock.advance(Duration.ofHours(5));
        WorkItem escalated = store.escalate(item.id(), 1, desk.clock.instant());
        assertEquals(WorkItemStatus.ESCALATED, escalated.status());
        assertEquals(WorkQueue.SUPERVISOR, escalated.queue());
        assertEquals(WorkQueue.FRONT_DESK, escalated.originalQueue());
        assertEquals(desk.clock.instant(), escalated.escalatedAt());

        List<OverdueNotification> pending = new OverdueNotices(dataSource()).pending(desk.clock.instant(), 10);
        assertEquals(List.of(new OverdueNotification(item.id(), OverdueNotification.Kind.ESCALATED, "eligibility",
                WorkQueue.SUPERVISOR, WorkQueue.FRONT_DESK)), pending);
        new OverdueNotices(dataSource()).markSent(pending.get(0), desk.clock.instant());
        assertTrue(new OverdueNotices(dataSource()).pending(desk.clock.instant(), 10).isEmpty());
    }

    @Test
    void releaseFailureIsKeptAndAClaimIsExclusive() throws SQLException {
        WorkItem approved = store.approve(open().id(), 1, "frontdesk.kim", desk.clock.instant());
        ReleaseClaims claims = new ReleaseClaims(dataSource(), Duration.ofMinutes(2));
        assertTrue(claims.claim(approved.id(), desk.clock.instant()));
        assertFalse(claims.claim(approved.id(), desk.clock.instant()), "held by the first releaser");
        Instant retryAt = desk.clock.instant().plusSeconds(30);
        store.recordReleaseFailure(approved.id(), "release to sftp://payer.example failed: IOException",
                "IOException", WorkItemActors.WORK_ITEMS, desk.clock.instant(), retryAt);
        claims.release(approved.id());

        WorkItem failed = store.get(approved.id());
        assertEquals(WorkItemStatus.APPROVED, failed.status());
        assertEquals(1, failed.release().attempts());
        assertEquals("release to sftp://payer.example failed: IOException", failed.release().lastFailure());
        assertEquals(retryAt, failed.release().nextAttemptAt());
        assertTrue(store.releasesDue(desk.clock.instant(), 10).isEmpty(), "not due before its retry time");
        assertEquals(List.of(approved.id()), ids(store.releasesDue(retryAt, 10)));
        assertTrue(claims.claim(approved.id(), desk.clock.instant()));

        WorkItem released = store.markReleased(failed.id(), failed.version(), WorkItemActors.WORK_ITEMS,
                desk.clock.instant());
        assertEquals(WorkItemStatus.RELEASED, released.status());
        assertEquals(2, released.release().attempts());
        assertNull(released.release().lastFailure());
        assertNull(released.release().nextAttemptAt());
        assertFalse(claims.claim(approved.id(), desk.clock.instant()), "only APPROVED items are claimed");
        assertTrue(store.releasesDue(retryAt, 10).isEmpty(), "released: never due again");
    }

    @Test
    void releasesDueComeLongestWaitingFirst() throws SQLException {
        Instant now = desk.clock.instant();
        WorkItem failingLong = store.approve(open().id(), 1, "frontdesk.kim", now);
        WorkItem failingRecently = store.approve(open().id(), 1, "frontdesk.kim", now);
        WorkItem neverTried = store.approve(open().id(), 1, "frontdesk.kim", now);
        store.recordReleaseFailure(failingLong.id(), "IOException", "IOException", WorkItemActors.WORK_ITEMS, now,
                now.plusSeconds(60));
        store.recordReleaseFailure(failingRecently.id(), "IOException", "IOException", WorkItemActors.WORK_ITEMS, now,
                now.plusSeconds(30));

        assertEquals(List.of(neverTried.id()), ids(store.releasesDue(now, 10)));
        assertEquals(List.of(neverTried.id(), failingRecently.id(), failingLong.id()),
                ids(store.releasesDue(now.plusSeconds(60), 10)), "the one whose release is not yet tried first");
        assertEquals(List.of(neverTried.id(), failingRecently.id()), ids(store.releasesDue(now.plusSeconds(60), 2)));
    }

    @Test
    void modeChangesAreKeptNewestFirst() throws SQLException {
        desk.modeChanges.record(new ModeChange("denials", OperatingMode.REVIEW, OperatingMode.SHADOW, "admin.ana",
                desk.clock.instant(), null));
        desk.modeChanges.record(new ModeChange("denials", OperatingMode.SHADOW, OperatingMode.LIVE, "admin.ana",
                desk.in(Duration.ofDays(30)), new LiveGateCheck(50, 50, 0.96, 0.95)));

        ModeChange latest = desk.modeChanges.latest("denials").orElseThrow();
        assertEquals(OperatingMode.LIVE, latest.to());
        assertEquals(new LiveGateCheck(50, 50, 0.96, 0.95), latest.gate());
        assertEquals(2, desk.modeChanges.history("denials", 10).size());
        assertTrue(desk.modeChanges.latest("refills").isEmpty());
        assertEquals(OperatingMode.LIVE, desk.modes.modeOf("denials"));
    }

    @Test
    void scorecardFiguresComeFromTheStore() throws SQLException {
        WorkItem first = open();
        WorkItem second = open();
        desk.clock.advance(Duration.ofMinutes(10));
        store.approve(first.id(), 1, "frontdesk.kim", desk.clock.instant());
        store.reject(second.id(), 1, "frontdesk.kim", "wrong plan", desk.clock.instant());
        open();

        Scorecard card = desk.scorecards.scorecard("eligibility");
        assertEquals(3, card.volume());
        assertEquals(1, card.awaiting());
        assertEquals(2, card.decidedByPerson());
        assertEquals(0.5, card.agreementRate());
        assertEquals(Duration.ofMinutes(10), card.medianTimeToAction());
        Map<WorkItemStatus, Long> counts = new DecisionHistory(dataSource()).countByStatus("eligibility");
        assertEquals(1L, counts.get(WorkItemStatus.OPEN));
        assertEquals(1L, counts.get(WorkItemStatus.APPROVED));
        assertEquals(1L, counts.get(WorkItemStatus.REJECTED));
        assertEquals(0L, counts.get(WorkItemStatus.RELEASED));
    }

    @Test
    void taskMirrorBookkeepingAndCursor() throws SQLException {
        TaskMirrorLedger ledger = new TaskMirrorLedger(dataSource());
        WorkItem item = open();
        assertEquals(List.of(item.id()), ids(ledger.pendingPush(10)));
        ledger.markPushed(item.id(), 1, "Task/t-1");
        assertTrue(ledger.pendingPush(10).isEmpty());

        store.approve(item.id(), 1, "frontdesk.kim", desk.clock.instant());
        assertEquals(List.of(item.id()), ids(ledger.pendingPush(10)), "a change is pushed again");
        ledger.markRefused(item.id(), 2, 405);
        assertTrue(ledger.pendingPush(10).isEmpty());
        assertEquals(405, ledger.refusal(item.id()).orElseThrow());
        ledger.requestPush(item.id());
        assertEquals(List.of(item.id()), ids(ledger.pendingPush(10)));

        assertTrue(ledger.cursor().isEmpty());
        Instant seen = Instant.parse("2026-11-24T10:15:30.123Z");
        ledger.advanceCursor(seen);
        assertEquals(seen, ledger.cursor().orElseThrow());
        ledger.advanceCursor(seen.minusSeconds(60));
        assertEquals(seen, ledger.cursor().orElseThrow(), "the cursor never goes back");
        ledger.advanceCursor(seen.plusSeconds(1));
        assertEquals(seen.plusSeconds(1), ledger.cursor().orElseThrow());
    }

    private WorkItem open() throws SQLException {
        return store.create(SyntheticItems.eligibilityGap(PATIENT_A, 0.9, desk.in(Duration.ofHours(4))),
                OperatingMode.REVIEW, desk.clock.instant());
    }

    private static List<Long> ids(List<WorkItem> items) {
        return items.stream().map(WorkItem::id).toList();
    }
}
