package org.medrelay.processors.priorauth.followup;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.StringType;
import org.medrelay.processors.priorauth.cases.CaseHistoryEntry;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.cases.PriorAuthState;
import org.medrelay.processors.priorauth.pas.PasRequestBuilder;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemStore;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code priorauth-deadlines} route's bean: no deadline passes silently. A submitted or pended case past the
 * payer's decision due date, or with its service date within {@code escalateBeforeService} and no decision, goes to
 * a person with its whole history; an authorization within {@code renewBefore} of its expiry gets a renewal draft
 * (the signed request again, dated after the expiry, with the narrative to write again); an authorization past its
 * last day expires. What it did is kept in the store, so each deadline is acted on once across restarts.
 */
public final class PriorAuthDeadlineMonitor {

    public static final String PAYER_LATE = "payer-decision-overdue";
    public static final String SERVICE_NEAR = "service-date-near";
    public static final String RENEWAL = "authorization-renewal";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final PriorAuthCaseStore cases;
    private final WorkItemStore workItems;
    private final PriorAuthWorkItems items;
    private final DeadlineActions done;
    private final Duration escalateBeforeService;
    private final Duration renewBefore;
    private final Clock clock;

    public PriorAuthDeadlineMonitor(DataSource store, PriorAuthCaseStore cases, WorkItemStore workItems,
                                    PriorAuthWorkItems items, Duration escalateBeforeService, Duration renewBefore, Clock clock) {
        this.cases = cases;
        this.workItems = workItems;
        this.items = items;
        this.done = new DeadlineActions(store);
        this.escalateBeforeService = escalateBeforeService;
        this.renewBefore = renewBefore;
        this.clock = clock;
    }

    /** @return the work items made on this pass (escalations and renewal drafts) */
    public List<WorkItem> check() throws SQLException {
        Instant now = clock.instant();
        List<WorkItem> made = new ArrayList<>();
        for (PriorAuthCase c : cases.openCases()) {
            switch (c.state()) {
                case SUBMITTED, PENDED -> {
                    if (c.decisionDueAt() != null && !now.isBefore(c.decisionDueAt())) {
                        escalate(c, PAYER_LATE, c.decisionDueAt(), "the payer's decision was due " + c.decisionDueAt()
                                + (c.expedited() ? " (expedited: 72 hours)" : " (standard: 7 calendar days)"), now, made);
                    }
                    serviceNear(c, now, made);
                }
                case DRAFT, AWAITING_SIGNATURE -> serviceNear(c, now, made);
                case APPROVED -> renewOrExpire(c, now, made);
                default -> {
                }
            }
        }
        return made;
    }

    private void serviceNear(PriorAuthCase c, Instant now, List<WorkItem> made) throws SQLException {
        if (c.serviceDate() == null) {
            return;
        }
        Instant service = c.serviceDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        if (!now.isBefore(service.minus(escalateBeforeService))) {
            escalate(c, SERVICE_NEAR, service, "the service is scheduled for " + c.serviceDate() + " and the case is still "
                    + c.state().word(), now, made);
        }
    }

    private void escalate(PriorAuthCase c, String kind, Instant deadline, String why, Instant now, List<WorkItem> made)
            throws SQLException {
        if (done.done(c.id(), kind, deadline)) {
            return;
        }
        WorkItem item = items.escalation(c, why, history(c), now);
        done.record(c.id(), kind, deadline, item.id(), now);
        made.add(item);
    }

    private String history(PriorAuthCase c) throws SQLException {
        return cases.history(c.id()).stream().map(PriorAuthDeadlineMonitor::line).collect(Collectors.joining("\n"));
    }

    private static String line(CaseHistoryEntry e) {
        return e.at() + " " + (e.from() == null ? "opened" : e.from().word()) + " -> " + e.to().word() + " by " + e.actor()
                + (e.note() == null ? "" : ": " + e.note());
    }

    private void renewOrExpire(PriorAuthCase c, Instant now, List<WorkItem> made) throws SQLException {
        LocalDate end = c.authorization() == null ? null : c.authorization().end();
        if (end == null) {
            return;
        }
        Instant expiry = end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (!now.isBefore(expiry)) {
            cases.move(c.id(), PriorAuthState.EXPIRED, PayerDecisionRecorder.ACTOR, now, "authorization "
                    + c.authorization().number() + " ended " + end);
            return;
        }
        if (!now.isBefore(expiry.minus(renewBefore)) && !done.done(c.id(), RENEWAL, expiry) && c.signOffWorkItem() != null) {
            Bundle renewal = renewal(workItems.get(c.signOffWorkItem()).draftToRelease().text(), c, end);
            WorkItem item = items.renewal(c, FHIR.newJsonParser().encodeResourceToString(renewal), expiry, now);
            done.record(c.id(), RENEWAL, expiry, item.id(), now);
            made.add(item);
        }
    }

    /** The signed request again, for the period after the authorization ends, its narrative to be written anew. */
    private static Bundle renewal(String signedJson, PriorAuthCase c, LocalDate end) {
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, signedJson);
        String id = c.id() + "-renewal-" + end;
        bundle.getIdentifier().setValue(id);
        Claim claim = (Claim) bundle.getEntryFirstRep().getResource();
        claim.getIdentifierFirstRep().setValue(id);
        claim.getItem().forEach(i -> i.setServiced(new Period().setStartElement(
                new org.hl7.fhir.r4.model.DateTimeType(end.plusDays(1).toString()))));
        claim.getSupportingInfo().stream().filter(s -> s.hasValueStringType()).forEach(s -> s.setValue(new StringType(
                PasRequestBuilder.NARRATIVE_MARK + " Renewal of authorization " + c.authorization().number()
                        + " ending " + end + ": why the service is still needed.")));
        return bundle;
    }
}
