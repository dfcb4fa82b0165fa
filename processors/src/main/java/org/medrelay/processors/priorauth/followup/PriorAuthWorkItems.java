package org.medrelay.processors.priorauth.followup;

import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.OperatingMode;
import org.medrelay.processors.review.OperatingModes;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.SuiteResult;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The work items of the prior-auth workflow, all in the clinician's queue: the sign-off of a drafted request, the
 * payer's request for more information, and the appeal or peer-to-peer after a denial. A prior-auth request carries
 * clinical content, so it never goes out without a person: a workflow switched to live is still reviewed (the item
 * is created in review mode, never released automatically); shadow stays shadow.
 */
public final class PriorAuthWorkItems {

    public static final String WORKFLOW = "prior-auth";
    public static final WorkItemType MORE_INFORMATION = WorkItemType.of("prior-auth-more-information");
    public static final WorkItemType APPEAL = WorkItemType.of("prior-auth-appeal");
    public static final WorkItemType ESCALATION = WorkItemType.of("prior-auth-escalation");
    public static final WorkItemType RENEWAL = WorkItemType.of("prior-auth-renewal");

    private final WorkItemStore items;
    private final OperatingModes modes;

    public PriorAuthWorkItems(WorkItemStore items, OperatingModes modes) {
        this.items = items;
        this.modes = modes;
    }

    public WorkItem signOff(PriorAuthCase c, String pasJson, Instant due, Instant now) throws SQLException {
        return signOff(c, Draft.text(pasJson, "application/fhir+json"), due, now);
    }

    /** The sign-off of a 278 request (x12-278 payers): the clinician reads and signs the X12 that is dropped. */
    public WorkItem signOff278(PriorAuthCase c, String x12, Instant due, Instant now) throws SQLException {
        return signOff(c, Draft.text(x12, "application/edi-x12"), due, now);
    }

    private WorkItem signOff(PriorAuthCase c, Draft draft, Instant due, Instant now) throws SQLException {
        return create(c, WorkItemType.PRIOR_AUTH_DRAFT, draft, due, now,
                List.of("prior-auth case " + c.id() + ": " + c.reason(), "sign to submit to payer " + c.payerId()
                        + " through " + c.channel().word()));
    }

    public WorkItem moreInformation(PriorAuthCase c, List<String> payerAsks, Instant due, Instant now) throws SQLException {
        return create(c, MORE_INFORMATION, Draft.text("The payer pended prior-auth case " + c.id() + " (order " + c.order()
                + ") and asks for more information: " + (payerAsks.isEmpty() ? "see the payer's response" : String.join("; ", payerAsks)),
                "text/plain"), due, now, List.of("payer pended the request (reviewAction A4)"));
    }

    public WorkItem appeal(PriorAuthCase c, List<String> reasons, Instant due, Instant now) throws SQLException {
        return create(c, APPEAL, Draft.text("The payer denied prior-auth case " + c.id() + " (order " + c.order()
                + "). Reasons: " + (reasons.isEmpty() ? "none given" : String.join("; ", reasons))
                + ". Request a peer-to-peer review or appeal before the due date.", "text/plain"), due, now,
                List.of("payer denied the request (reviewAction A3)"));
    }

    /** A deadline about to pass or passed: the case and its whole history, for a person to act on now. */
    public WorkItem escalation(PriorAuthCase c, String why, String history, Instant now) throws SQLException {
        return create(c, ESCALATION, Draft.text("Prior-auth case " + c.id() + " (order " + c.order() + ", payer " + c.payerId()
                + "): " + why + ".\nHistory:\n" + history, "text/plain"), now, now, List.of(why));
    }

    /** The renewal request for an authorization about to end, due before it ends. */
    public WorkItem renewal(PriorAuthCase c, String pasJson, Instant expiry, Instant now) throws SQLException {
        return create(c, RENEWAL, Draft.text(pasJson, "application/fhir+json"), expiry, now,
                List.of("authorization " + c.authorization().number() + " ends " + c.authorization().end()));
    }

    private WorkItem create(PriorAuthCase c, WorkItemType type, Draft draft, Instant due, Instant now, List<String> reasons)
            throws SQLException {
        NewWorkItem item = new NewWorkItem(type, WORKFLOW, new PatientRef(c.patientReference(), c.patientKey()),
                WorkQueue.CLINICIAN, null, due, c.expedited() ? WorkItemPriority.URGENT : WorkItemPriority.ROUTINE,
                SuiteResult.draft(draft, 1.0, reasons), null,
                List.of(WorkItemLink.fhir(c.patientReference(), "patient")));
        OperatingMode mode = modes.modeOf(WORKFLOW);
        return items.create(item, mode == OperatingMode.LIVE ? OperatingMode.REVIEW : mode, now);
    }
}
