package org.medrelay.processors.priorauth.cases;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.priorauth.SubmissionChannel;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the prior-auth case store does, on H2 and on PostgreSQL (the subclasses). */
abstract class PriorAuthCaseStoreContract {

    static final Instant MONDAY_9AM = Instant.parse("2026-03-02T09:00:00Z");
    static final LocalDate SERVICE_DATE = LocalDate.parse("2026-03-20");

    private AuditTrail trail;
    private PriorAuthCaseStore cases;

    abstract DataSource openStore() throws SQLException;

    abstract void closeStore() throws SQLException;

    @BeforeEach
    void store() throws SQLException {
        DataSource store = openStore();
        trail = new AuditTrail(store);
        cases = new PriorAuthCaseStore(store, trail, DecisionDeadlines.CMS_0057_F);
    }

    @AfterEach
    void close() throws SQLException {
        closeStore();
    }

    @Test
    void caseOpensInDraftWithItsDecisionAndTheServiceDateAsDeadline() throws SQLException {
        PriorAuthCase opened = cases.open(PriorAuthCases.mri("ORD5001", SERVICE_DATE, false), "system:priorauth", MONDAY_9AM);

        PriorAuthCase read = cases.get(opened.id());
        assertEquals(PriorAuthState.DRAFT, read.state());
        assertEquals("ORD5001", read.order());
        assertEquals("12345", read.payerId());
        assertEquals("SILVERPPO01", read.planId());
        assertEquals("CPT", read.serviceSystem());
        assertEquals("70551", read.serviceCode());
        assertEquals(SubmissionChannel.FHIR_PAS, read.channel());
        assertEquals("priorauth/requirements.tsv line 17", read.rule());
        assertEquals(SERVICE_DATE, read.serviceDate());
        assertEquals(new PriorAuthCase.Deadline(Instant.parse("2026-03-20T00:00:00Z"), PriorAuthCase.Deadline.Kind.SERVICE_DATE),
                read.nextDeadline().orElseThrow());
        assertEquals(MONDAY_9AM, read.createdAt());
    }

    @Test
    void theSameOrderSeenAgainKeepsItsOneCase() throws SQLException {
        PriorAuthCase first = cases.open(PriorAuthCases.mri("ORD5001", SERVICE_DATE, false), "system:priorauth", MONDAY_9AM);
        PriorAuthCase again = cases.open(PriorAuthCases.mri("ORD5001", SERVICE_DATE, false), "system:priorauth",
                MONDAY_9AM.plusSeconds(60));

        assertEquals(first.id(), again.id());
        assertEquals(1, cases.openCases().size());
        assertEquals(1, cases.history(first.id()).size());
    }

    @Test
    void aPatientsOpenCasesWithOnePayerAreFoundByItsKeyWithdrawnOnesLeftOut() throws SQLException {
        PriorAuthCase open = cases.open(PriorAuthCases.mri("ORD5001", SERVICE_DATE, false), "system:priorauth", MONDAY_9AM);
        PriorAuthCase withdrawn = cases.open(PriorAuthCases.mri("ORD5002", SERVICE_DATE, false), "system:priorauth", MONDAY_9AM);
        cases.move(withdrawn.id(), PriorAuthState.WITHDRAWN, "dr-synthetic", MONDAY_9AM, "order cancelled");
        cases.open(new NewPriorAuthCase(PriorAuthCases.mriDecision("ORD5003"), "Patient/other", "0".repeat(32), SERVICE_DATE, false),
                "system:priorauth", MONDAY_9AM);

        assertEquals(List.of(open.id()), cases.openCasesOf(PriorAuthCases.PATIENT_KEY, "12345").stream().map(PriorAuthCase::id).toList());
        assertEquals(List.of(), cases.openCasesOf(PriorAuthCases.PATIENT_KEY, "67890"));
    }

    @Test
    void standardRequestIsDueSevenCalendarDaysAfterSubmission() throws SQLException {
        PriorAuthCase opened = cases.open(PriorAuthCases.mri("ORD5001", SERVICE_DATE, false), "system:priorauth", MONDAY_9AM);
        cases.awaitingSignature(opened.id(), 41, "system:priorauth", MONDAY_9AM);
        PriorAuthCase submitted = cases.submitted(opened.id(), "PAYER-REF-1", "dr-synthetic", MONDAY_9AM.plusSeconds(3600));

        assertEquals(Instant.parse("2026-03-09T10:00:00Z"), submitted.decisionDueAt());
        assertEquals("PAYER-REF-1", submitted.payerReference());
        assertEquals(41L, submitted.signOffWorkItem());
        assertEquals(PriorAuthCase.Deadline.Kind.PAYER_DECISION_DUE, submitted.nextDeadline().orElseThrow().kind());
    }

    @Test
    void expeditedRequestIsDueSeventyTwoHoursAfterSubmission() throws SQLException {
        PriorAuthCase opened = cases.open(PriorAuthCases.mri("ORD5002", SERVICE_DATE, true), "system:priorauth", MONDAY_9AM);
        cases.awaitingSignature(opened.id(), 42, "system:priorauth", MONDAY_9AM);
        PriorAuthCase submitted = cases.submitted(opened.id(), null, "dr-synthetic", MONDAY_9AM);

        assertEquals(Instant.parse("2026-03-05T09:00:00Z"), submitted.decisionDueAt());
    }

    @Test
    void serviceDateBeforeTheDecisionDueDateIsTheNextDeadline() throws SQLException {
        LocalDate soon = LocalDate.parse("2026-03-04");
        PriorAuthCase opened = cases.open(PriorAuthCases.mri("ORD5003", soon, false), "system:priorauth", MONDAY_9AM);
        cases.awaitingSignature(opened.id(), 43, "system:priorauth", MONDAY_9AM);
        PriorAuthCase submitted = cases.submitted(opened.id(), null, "dr-synthetic", MONDAY_9AM);

        assertEquals(new PriorAuthCase.Deadline(Instant.parse("2026-03-04T00:00:00Z"), PriorAuthCase.Deadline.Kind.SERVICE_DATE),
                submitted.nextDeadline().orElseThrow());
    }

    @Test
    void approvalRecordsTheAuthorizationAndItsExpiryBecomesTheDeadline() throws SQLException {
        PriorAuthCase opened = cases.open(PriorAuthCases.mri("ORD5001", SERVICE_DATE, false), "system:priorauth", MONDAY_9AM);
        cases.awaitingSignature(opened.id(), 41, "system:priorauth", MONDAY_9AM);
        cases.submitted(opened.id(), "PAYER-REF-1", "dr-synthetic", MONDAY_9AM);
        cases.pended(opened.id(), "system:priorauth", MONDAY_9AM.plusSeconds(60), "reviewAction A4");
        PriorAuthCase approved = cases.approved(opened.id(), new PriorAuthCase.Authorization("AUTH-778899", 1,
                LocalDate.parse("2026-03-10"), LocalDate.parse("2026-06-10")), "system:priorauth",
                MONDAY_9AM.plus(Duration.ofDays(2)), "reviewAction A1");

        assertEquals(PriorAuthState.APPROVED, approved.state());
        assertEquals("AUTH-778899", approved.authorization().number());
        assertEquals(1, approved.authorization().units());
        assertEquals(LocalDate.parse("2026-06-10"), approved.authorization().end());
        assertEquals(new PriorAuthCase.Deadline(Instant.parse("2026-06-11T00:00:00Z"),
                PriorAuthCase.Deadline.Kind.AUTHORIZATION_EXPIRY), approved.nextDeadline().orElseThrow());

        List<CaseHistoryEntry> history = cases.history(opened.id());
        assertEquals(List.of(PriorAuthState.DRAFT, PriorAuthState.AWAITING_SIGNATURE, PriorAuthState.SUBMITTED,
                PriorAuthState.PENDED, PriorAuthState.APPROVED), history.stream().map(CaseHistoryEntry::to).toList());
        assertNull(history.get(0).from());
        assertEquals(PriorAuthState.PENDED, history.get(4).from());
        assertEquals("reviewAction A1", history.get(4).note());
        assertEquals("dr-synthetic", history.get(2).actor());

        List<AuditEntry> audit = trail.newestFirst(AuditQuery.ALL, 20);
        assertEquals(5, audit.size());
        assertEquals(AuditAction.UPDATE, audit.get(0).event().action());
        assertEquals("prior-auth-case/" + opened.id(), audit.get(0).event().target());
        assertEquals(PriorAuthCases.PATIENT_KEY, audit.get(0).event().patientKey());
        assertEquals("prior-auth case pended -> approved", audit.get(0).event().reason());
        assertEquals(AuditAction.CREATE, audit.get(4).event().action());
    }

    @Test
    void aChangeTheStateDoesNotAllowIsRefusedAndChangesNothing() throws SQLException {
        PriorAuthCase opened = cases.open(PriorAuthCases.mri("ORD5001", SERVICE_DATE, false), "system:priorauth", MONDAY_9AM);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> cases.approved(opened.id(),
                new PriorAuthCase.Authorization("AUTH-1", null, null, null), "system:priorauth", MONDAY_9AM, "A1"));

        assertEquals("prior-auth case " + opened.id() + " is draft and cannot become approved", refused.getMessage());
        assertEquals(PriorAuthState.DRAFT, cases.get(opened.id()).state());
        assertNull(cases.get(opened.id()).authorization());
        assertEquals(1, cases.history(opened.id()).size());
        assertEquals(1, trail.newestFirst(AuditQuery.ALL, 20).size());
    }

    @Test
    void withdrawnCasesAreNoLongerOpenAndDeniedOnesAwaitTheirAppeal() throws SQLException {
        PriorAuthCase a = cases.open(PriorAuthCases.mri("ORD5001", SERVICE_DATE, false), "system:priorauth", MONDAY_9AM);
        PriorAuthCase b = cases.open(PriorAuthCases.mri("ORD5002", SERVICE_DATE, false), "system:priorauth", MONDAY_9AM);
        cases.move(a.id(), PriorAuthState.WITHDRAWN, "dr-synthetic", MONDAY_9AM, "order cancelled");
        cases.awaitingSignature(b.id(), 9, "system:priorauth", MONDAY_9AM);
        cases.submitted(b.id(), null, "dr-synthetic", MONDAY_9AM);
        Instant appealDue = MONDAY_9AM.plus(Duration.ofDays(60));
        cases.denied(b.id(), appealDue, "system:priorauth", MONDAY_9AM, "reviewAction A3");

        List<PriorAuthCase> open = cases.openCases();
        assertEquals(List.of(b.id()), open.stream().map(PriorAuthCase::id).toList());
        assertEquals(new PriorAuthCase.Deadline(Instant.parse("2026-03-20T00:00:00Z"), PriorAuthCase.Deadline.Kind.SERVICE_DATE),
                open.get(0).nextDeadline().orElseThrow());
        assertEquals(appealDue, open.get(0).appealDueAt());
        assertTrue(cases.inState(PriorAuthState.WITHDRAWN).stream().anyMatch(c -> c.id() == a.id()));
    }
}
