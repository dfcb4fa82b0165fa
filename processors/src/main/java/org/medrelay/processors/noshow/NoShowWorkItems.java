package org.medrelay.processors.noshow;

import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.SuiteResult;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The work items of no-show recovery, both in the SCHEDULING queue of workflow {@code no-show}: rebooking the patient
 * who missed or cancelled (the outreach message as the draft), and offering the freed slot to a waitlist patient (the
 * offer message as the draft).
 */
public final class NoShowWorkItems {

    public static final String WORKFLOW = "no-show";
    public static final WorkItemType REBOOKING = WorkItemType.of("no-show-rebooking");
    public static final WorkItemType WAITLIST_OFFER = WorkItemType.of("waitlist-offer");
    /** The outreach and the offer are drafted from templates without judgement: live mode may send them. */
    static final double CONFIDENCE = 1.0;

    private final Duration rebookWithin;
    private final Duration offerWithin;
    private final Clock clock;

    public NoShowWorkItems(Duration rebookWithin, Duration offerWithin, Clock clock) {
        this.rebookWithin = rebookWithin;
        this.offerWithin = offerWithin;
        this.clock = clock;
    }

    /** @param event {@code no-show} or {@code cancellation} */
    public NewWorkItem rebooking(PatientRef patient, String event, OutreachChannel channel, String message, List<String> reasons,
                                 String appointmentReference, String sourceMessageKey) {
        List<String> all = new ArrayList<>(reasons);
        all.add(0, "outreach by " + channel.code());
        return new NewWorkItem(REBOOKING, WORKFLOW, patient, WorkQueue.SCHEDULING, null, clock.instant().plus(rebookWithin),
                WorkItemPriority.ROUTINE, new SuiteResult(Draft.text(message, "text/plain"), event, CONFIDENCE, all),
                sourceMessageKey, links(appointmentReference, "the missed or cancelled appointment"));
    }

    public NewWorkItem offer(PatientRef patient, OutreachChannel channel, String message, List<String> reasons,
                             String appointmentReference, String sourceMessageKey) {
        List<String> all = new ArrayList<>(reasons);
        all.add(0, "offer by " + channel.code());
        return new NewWorkItem(WAITLIST_OFFER, WORKFLOW, patient, WorkQueue.SCHEDULING, null, clock.instant().plus(offerWithin),
                WorkItemPriority.URGENT, new SuiteResult(Draft.text(message, "text/plain"), "waitlist-offer", CONFIDENCE, all),
                sourceMessageKey, links(appointmentReference, "the freed slot's appointment"));
    }

    private static List<WorkItemLink> links(String appointmentReference, String description) {
        return appointmentReference == null ? List.of() : List.of(WorkItemLink.fhir(appointmentReference, description));
    }
}
