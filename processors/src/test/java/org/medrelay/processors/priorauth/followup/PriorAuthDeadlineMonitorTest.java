package org.medrelay.processors.priorauth.followup;

import ca.uhn.fhir.context.FhirContext;
import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.priorauth.OrderedService;
import org.medrelay.processors.priorauth.PayerPlan;
import org.medrelay.processors.priorauth.PriorAuthDecision;
import org.medrelay.processors.priorauth.SubmissionChannel;
import org.medrelay.processors.priorauth.cases.DecisionDeadlines;
import org.medrelay.processors.priorauth.cases.NewPriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.cases.PriorAuthState;
import org.medrelay.processors.priorauth.pas.PasRequestBuilder;
import org.medrelay.processors.review.ModeChangeLog;
import org.medrelay.processors.review.OperatingModes;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemAuditHook;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.processors.review.WorkflowProperties;
import org.medrelay.processors.testing.MutableClock;
import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deadline monitor with a clock the test moves: late decisions escalate once, with their history; renewals;
 * expiry; restarts. On H2 here, on PostgreSQL in {@link PostgresPriorAuthDeadlineMonitorTest}.
 */
class PriorAuthDeadlineMonitorTest {

    private static final String PATIENT_KEY = "5eed0000aaaa1111bbbb2222cccc3333";
    private static final Instant MONDAY = Instant.parse("2026-11-23T14:00:00Z");
    private static final String SIGNED = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"identifier\":{\"value\":\"1\"},"
            + "\"entry\":[{\"fullUrl\":\"urn:uuid:c1\",\"resource\":{\"resourceType\":\"Claim\",\"identifier\":[{\"value\":\"1\"}],"
            + "\"status\":\"active\",\"use\":\"preauthorization\",\"item\":[{\"sequence\":1}],"
            + "\"supportingInfo\":[{\"sequence\":1,\"category\":{\"text\":\"narrative\"},\"valueString\":\"Failed six weeks of therapy.\"}]}}]}";

    private final MutableClock clock = new MutableClock(MONDAY);
    private DataSource store;
    private PriorAuthCaseStore cases;
    private WorkItemStore workItems;
    private PriorAuthWorkItems items;

    /** A freshly migrated store. */
    DataSource openStore() throws SQLException {
        return TestStores.h2("prior-auth-deadlines");
    }

    void closeStore(DataSource dataSource) throws SQLException {
        ((HikariDataSource) dataSource).close();
    }

    @BeforeEach
    void store() throws SQLException {
        store = openStore();
        AuditTrail trail = new AuditTrail(store);
        WorkItemAuditHook hook = WorkItemAuditHook.into(trail);
        cases = new PriorAuthCaseStore(store, trail, DecisionDeadlines.CMS_0057_F);
        workItems = new WorkItemStore(store, hook);
        items = new PriorAuthWorkItems(workItems, new OperatingModes(new WorkflowProperties(Map.<String, String>of()::get),
                new ModeChangeLog(store, hook)));
    }

    @AfterEach
    void close() throws SQLException {
        closeStore(store);
    }

    /** A monitor as the engine makes one at start: a restart is a new one over the same store. */
    private PriorAuthDeadlineMonitor monitor() {
        return new PriorAuthDeadlineMonitor(store, cases, workItems, items, Duration.ofDays(2), Duration.ofDays(14), clock);
    }

    private PriorAuthCase submittedCase(String order, LocalDate serviceDate, boolean expedited) throws Exception {
        PriorAuthDecision decision = new PriorAuthDecision(order, new OrderedService("CPT", "72148", "MRI lumbar spine"),
                new PayerPlan(Optional.of("12345"), Optional.empty()), true, "MRI needs authorization.",
                SubmissionChannel.FHIR_PAS, 7, List.of(), "priorauth/requirements.tsv line 17");
        PriorAuthCase c = cases.open(new NewPriorAuthCase(decision, "Patient/syn-1", PATIENT_KEY, serviceDate, expedited),
                "system:prior-auth", clock.instant());
        WorkItem signOff = items.signOff(c, SIGNED, clock.instant().plus(Duration.ofDays(1)), clock.instant());
        cases.awaitingSignature(c.id(), signOff.id(), "system:prior-auth", clock.instant());
        cases.submitted(c.id(), "PAYER-REF-1", "system:prior-auth", clock.instant());
        return cases.pended(c.id(), "system:prior-auth", clock.instant(), "reviewAction A4");
    }

    @Test
    void aPendedCasePastItsDecisionDueDateEscalatesOnceWithItsHistoryAcrossARestart() throws Exception {
        PriorAuthCase expedited = submittedCase("ORD-X", LocalDate.parse("2027-01-15"), true);

        clock.advance(Duration.ofHours(71));
        assertEquals(List.of(), monitor().check(), "72 hours not yet passed");

        clock.advance(Duration.ofHours(1));
        List<WorkItem> made = monitor().check();

        assertEquals(1, made.size());
        WorkItem escalation = made.get(0);
        assertEquals(PriorAuthWorkItems.ESCALATION, escalation.type());
        assertEquals(WorkQueue.CLINICIAN, escalation.queue());
        String text = escalation.suiteResult().draft().text();
        assertTrue(text.startsWith("Prior-auth case " + expedited.id() + " (order ORD-X, payer 12345): the payer's decision was due "
                + "2026-11-26T14:00:00Z (expedited: 72 hours).\nHistory:\n"), text);
        assertTrue(text.contains("2026-11-23T14:00:00Z submitted -> pended by system:prior-auth: reviewAction A4"), text);
        assertEquals(4, text.lines().filter(l -> l.startsWith("2026-")).count(), "the whole history: 4 state changes");

        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(), monitor().check(), "a restarted monitor does not escalate the same deadline again");
    }

    @Test
    void aServiceDateNearWithoutADecisionEscalates() throws Exception {
        PriorAuthCase c = submittedCase("ORD-S", LocalDate.parse("2026-11-27"), false);

        clock.advance(Duration.ofDays(1)); // 2026-11-24T14:00, 2 days before 11-27 is 11-25T00:00
        assertEquals(List.of(), monitor().check());
        clock.advance(Duration.ofHours(10));
        List<WorkItem> made = monitor().check();

        assertEquals(1, made.size());
        assertTrue(made.get(0).suiteResult().draft().text().contains("the service is scheduled for 2026-11-27 and the case is still pended"));
        assertEquals(c.id(), cases.get(c.id()).id());
    }

    @Test
    void anAuthorizationNearExpiryGetsARenewalDraftThenExpires() throws Exception {
        PriorAuthCase c = submittedCase("ORD-R", LocalDate.parse("2026-12-01"), false);
        cases.approved(c.id(), new PriorAuthCase.Authorization("AUTH-1", 1, LocalDate.parse("2026-11-24"),
                LocalDate.parse("2026-12-31")), "system:prior-auth", clock.instant(), "reviewAction A1");

        clock.advance(Duration.ofDays(24)); // 2026-12-17T14:00: 14 days before 2027-01-01 is 12-18
        assertEquals(List.of(), monitor().check());
        clock.advance(Duration.ofDays(1));
        List<WorkItem> made = monitor().check();

        assertEquals(1, made.size());
        assertEquals(PriorAuthWorkItems.RENEWAL, made.get(0).type());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), made.get(0).dueAt());
        Bundle renewal = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, made.get(0).suiteResult().draft().text());
        Claim claim = (Claim) renewal.getEntryFirstRep().getResource();
        assertEquals(c.id() + "-renewal-2026-12-31", claim.getIdentifierFirstRep().getValue());
        assertEquals("2027-01-01", claim.getItemFirstRep().getServicedPeriod().getStartElement().getValueAsString());
        assertTrue(PasRequestBuilder.hasUnwrittenNarrative(renewal), "the clinician justifies the renewal anew");
        assertEquals(List.of(), monitor().check(), "one renewal draft");

        clock.advance(Duration.ofDays(14));
        monitor().check();
        assertEquals(PriorAuthState.EXPIRED, cases.get(c.id()).state());
        assertEquals(List.of(), cases.openCases());
    }
}
