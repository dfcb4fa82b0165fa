package org.medrelay.processors.review;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditChainVerifier;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditQuery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.review.SyntheticItems.PATIENT_A;

/**
 * Every action on a work item, and every mode switch, is in the audit trail, committed with the change itself:
 * who, what, which item, which patient (by pseudonymous key), which source message, and how it ended. The
 * subclasses run it on H2 and on PostgreSQL.
 */
abstract class WorkItemAuditContract {

    /** What a person might type as a rejection reason: PHI that must stay out of the trail. */
    private static final String TYPED_REASON = "Spoke to Maria Gonzalez (DOB 1961-04-02), new card 555-0134";

    private DataSource dataSource;
    private ReviewDesk desk;

    abstract DataSource openStore() throws SQLException;

    abstract void closeStore() throws SQLException;

    @BeforeEach
    void desk() throws SQLException {
        dataSource = openStore();
        desk = new ReviewDesk(dataSource);
    }

    @AfterEach
    void close() throws SQLException {
        closeStore();
    }

    @Test
    void approvalIsAuditedWithWhoWhatPatientAndSourceMessage() throws SQLException {
        WorkItem item = newGap();
        desk.actions.approve(item.id(), item.version(), "frontdesk.kim");

        assertEquals(List.of(AuditAction.CREATE, AuditAction.APPROVE, AuditAction.RELEASE), actions());
        AuditEvent approval = only(AuditAction.APPROVE);
        assertEquals("frontdesk.kim", approval.actor());
        assertEquals("work-item/" + item.id(), approval.target());
        assertEquals(AuditOutcome.SUCCESS, approval.outcome());
        assertEquals(PATIENT_A.pseudonymKey(), approval.patientKey());
        assertEquals("EPICADT|SYNCLINIC|CTL-1001", approval.sourceMessage());
        assertEquals(desk.clock.instant(), approval.recordedAt());
        assertEquals("approved as is (review mode): APPROVED", approval.reason());

        AuditEvent release = only(AuditAction.RELEASE);
        assertEquals("system:work-items", release.actor());
        assertEquals(PATIENT_A.pseudonymKey(), release.patientKey());
        assertEquals(AuditOutcome.SUCCESS, release.outcome());
        assertEquals("system:eligibility", only(AuditAction.CREATE).actor());
    }

    @Test
    void editThenApproveSaysItWasEdited() throws SQLException {
        WorkItem item = newGap();
        desk.actions.approveEdited(item.id(), item.version(), "frontdesk.kim",
                Draft.text("Your plan ended; we will check your new card at check-in.", "text/plain"));

        AuditEvent approval = only(AuditAction.APPROVE);
        assertEquals("frontdesk.kim", approval.actor());
        assertTrue(approval.reason().startsWith("edited, then approved"), approval.reason());
    }

    @Test
    void aRejectionIsAuditedButItsTypedReasonIsInNoColumn() throws SQLException {
        WorkItem item = newGap();
        desk.actions.reject(item.id(), item.version(), "frontdesk.kim", TYPED_REASON);

        AuditEvent rejection = only(AuditAction.REJECT);
        assertEquals("frontdesk.kim", rejection.actor());
        assertEquals(AuditOutcome.SUCCESS, rejection.outcome());
        assertEquals(PATIENT_A.pseudonymKey(), rejection.patientKey());
        assertEquals("rejected (review mode), reason given", rejection.reason());
        for (AuditEntry entry : entries()) {
            AuditEvent e = entry.event();
            for (String column : Arrays.asList(e.actor(), e.patientKey(), e.sourceMessage(), e.target(), e.reason(),
                    e.interfaceName())) {
                for (String phi : List.of("Gonzalez", "1961-04-02", "555-0134")) {
                    assertFalse(column != null && column.contains(phi), "entry " + entry.id() + " holds " + phi);
                }
            }
        }
        assertEquals(TYPED_REASON, desk.store.get(item.id()).decision().reason(), "kept with the item");
    }

    @Test
    void aReassignmentNamesBothQueues() throws SQLException {
        WorkItem item = newGap();
        desk.actions.reassign(item.id(), item.version(), "frontdesk.kim", WorkQueue.BILLING, "billing.raj");

        AuditEvent move = only(AuditAction.REASSIGN);
        assertEquals("frontdesk.kim", move.actor());
        assertEquals("from FRONT_DESK to BILLING, assigned to billing.raj", move.reason());
    }

    @Test
    void aConflictLeavesAFailureEntryAndNoChange() throws SQLException {
        WorkItem item = newGap();
        desk.actions.reject(item.id(), item.version(), "frontdesk.kim", TYPED_REASON);

        assertThrows(WorkItemConflictException.class,
                () -> desk.actions.approve(item.id(), item.version(), "billing.raj"));

        assertEquals(WorkItemStatus.REJECTED, desk.store.get(item.id()).status());
        assertEquals(2, desk.store.get(item.id()).version());
        AuditEvent conflict = only(AuditAction.APPROVE);
        assertEquals("billing.raj", conflict.actor());
        assertEquals(AuditOutcome.FAILURE, conflict.outcome());
        assertEquals(PATIENT_A.pseudonymKey(), conflict.patientKey());
        assertTrue(conflict.reason().startsWith("conflict: "), conflict.reason());
        assertTrue(desk.release.released().isEmpty());
    }

    @Test
    void aRefusedActionIsAFailureEntry() throws SQLException {
        WorkItem item = newGap();
        assertThrows(WorkItemActionRefusedException.class,
                () -> desk.actions.reject(item.id(), item.version(), "frontdesk.kim", " "));

        AuditEvent refusal = only(AuditAction.REJECT);
        assertEquals(AuditOutcome.FAILURE, refusal.outcome());
        assertTrue(refusal.reason().startsWith("refused: "), refusal.reason());
        assertEquals(1, desk.store.get(item.id()).version());
    }

    @Test
    void aFailedReleaseNamesOnlyTheFailureKind() throws SQLException {
        desk.release.refuse(true);
        WorkItem item = newGap();
        desk.actions.approve(item.id(), item.version(), "frontdesk.kim");

        AuditEvent failed = only(AuditAction.RELEASE);
        assertEquals(AuditOutcome.FAILURE, failed.outcome());
        assertEquals("system:work-items", failed.actor());
        assertEquals("release failed: DraftReleaseException; retried from " + desk.clock.instant().plusSeconds(30),
                failed.reason(), "the kind and when it is tried again: nothing of the endpoint's words");
    }

    @Test
    void liveModeReleasesAreAuditedAsTheWorkflows() throws SQLException {
        desk.mode("eligibility", "live");
        desk.intake.accept(SyntheticItems.eligibilityGap(PATIENT_A, 0.99, desk.in(Duration.ofHours(4))));

        assertEquals(List.of(AuditAction.CREATE, AuditAction.APPROVE, AuditAction.RELEASE), actions());
        assertTrue(entries().stream().allMatch(e -> e.event().actor().equals("system:eligibility")));
        assertTrue(only(AuditAction.APPROVE).reason().contains("approved without review"));
    }

    @Test
    void anEscalationIsTheWorkItemLayers() throws SQLException {
        WorkItem item = newGap();
        desk.clock.advance(Duration.ofHours(5));
        desk.escalator.escalateOverdue();

        AuditEvent escalation = only(AuditAction.ESCALATE);
        assertEquals("system:work-items", escalation.actor());
        assertEquals("work-item/" + item.id(), escalation.target());
        assertTrue(escalation.reason().endsWith("from FRONT_DESK to SUPERVISOR"), escalation.reason());
    }

    @Test
    void modeSwitchesAreAuditedWithoutAPatientAndARefusedOneToo() throws SQLException {
        desk.modeSwitch().switchTo("denials", OperatingMode.REVIEW, "admin.ana");
        assertThrows(LiveGateNotMetException.class,
                () -> desk.modeSwitch().switchTo("denials", OperatingMode.LIVE, "admin.ana"));

        List<AuditEvent> switches = entries().stream().map(AuditEntry::event).toList();
        assertEquals(2, switches.size());
        AuditEvent done = switches.get(0);
        assertEquals(AuditAction.MODE_SWITCH, done.action());
        assertEquals("admin.ana", done.actor());
        assertEquals("workflow/denials", done.target());
        assertEquals(AuditOutcome.SUCCESS, done.outcome());
        assertNull(done.patientKey());
        assertEquals(AuditOutcome.FAILURE, switches.get(1).outcome());
        assertTrue(switches.get(1).reason().startsWith("to live refused: agreement"), switches.get(1).reason());
        assertEquals(1, desk.modeChanges.history("denials", 10).size(), "the refused switch changed nothing");
    }

    @Test
    void anActionWhoseAuditFailsIsRolledBack() throws SQLException {
        ReviewDesk failing = new ReviewDesk(dataSource, (c, events) -> {
            if (events.stream().anyMatch(e -> e.action() == AuditAction.APPROVE)) {
                throw new SQLException("audit trail unavailable");
            }
            desk.auditTrail.append(c, events);
        });
        WorkItem item = failing.intake.accept(
                SyntheticItems.eligibilityGap(PATIENT_A, 0.8, desk.in(Duration.ofHours(4))));

        assertThrows(SQLException.class, () -> failing.actions.approve(item.id(), item.version(), "frontdesk.kim"));

        WorkItem unchanged = failing.store.get(item.id());
        assertEquals(WorkItemStatus.OPEN, unchanged.status());
        assertEquals(1, unchanged.version());
        assertNull(unchanged.decision());
        assertTrue(failing.release.released().isEmpty());
        assertEquals(List.of(AuditAction.CREATE), actions());
    }

    @Test
    void anActionIsRolledBackWhenTheAuditTableIsGone() throws SQLException {
        WorkItem item = newGap();
        execute("alter table audit_event rename to audit_event_moved");
        try {
            assertThrows(SQLException.class,
                    () -> desk.actions.reject(item.id(), item.version(), "frontdesk.kim", TYPED_REASON));
        } finally {
            execute("alter table audit_event_moved rename to audit_event");
        }
        WorkItem unchanged = desk.store.get(item.id());
        assertEquals(WorkItemStatus.OPEN, unchanged.status());
        assertEquals(1, unchanged.version());
        assertEquals(List.of(AuditAction.CREATE), actions());
    }

    @Test
    void theChainVerifiesAfterAMixOfActions() throws SQLException {
        WorkItem approved = newGap();
        desk.actions.approve(approved.id(), approved.version(), "frontdesk.kim");
        WorkItem rejected = newGap();
        desk.actions.reject(rejected.id(), rejected.version(), "frontdesk.kim", TYPED_REASON);
        assertThrows(WorkItemConflictException.class,
                () -> desk.actions.reassign(rejected.id(), rejected.version(), "billing.raj", WorkQueue.BILLING, null));
        WorkItem moved = newGap();
        desk.actions.reassign(moved.id(), moved.version(), "frontdesk.kim", WorkQueue.BILLING, null);
        desk.clock.advance(Duration.ofHours(5));
        desk.escalator.escalateOverdue();
        desk.modeSwitch().switchTo("eligibility", OperatingMode.SHADOW, "admin.ana");

        assertEquals(10, entries().size());
        assertTrue(new AuditChainVerifier(dataSource).verify().intact());
    }

    @Test
    void aNewItemNeedsAPseudonymousPatientKeyTheTrailCanName() {
        PatientRef byMrn = new PatientRef("Patient/syn-a17", "MRN-004417");
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticItems.eligibilityGap(byMrn, 0.8, desk.in(Duration.ofHours(4))));
    }

    private WorkItem newGap() throws SQLException {
        return desk.intake.accept(SyntheticItems.eligibilityGap(PATIENT_A, 0.8, desk.in(Duration.ofHours(4))));
    }

    private List<AuditEntry> entries() throws SQLException {
        return desk.auditTrail.page(AuditQuery.ALL, 0, 1000);
    }

    private List<AuditAction> actions() throws SQLException {
        return entries().stream().map(e -> e.event().action()).toList();
    }

    private AuditEvent only(AuditAction action) throws SQLException {
        List<AuditEvent> matching = entries().stream().map(AuditEntry::event)
                .filter(e -> e.action() == action).toList();
        assertEquals(1, matching.size(), "entries for " + action + ": " + matching);
        return Objects.requireNonNull(matching.get(0));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
