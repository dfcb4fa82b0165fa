package org.medrelay.processors.referral;

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
import java.util.List;

/**
 * The work items of referrals, all in workflow {@code referrals}: an inbound referral to schedule (SCHEDULING, its
 * triaged priority), a request for what is missing or a reply that it is not accepted (a draft letter to the referring
 * provider, FRONT_DESK), an outbound loop's follow-up (a draft to the referred-to provider) and its stall alert.
 * Drafts to another provider are never released without a person: their confidence is 0.
 */
public final class ReferralWorkItems {

    public static final String WORKFLOW = "referrals";
    public static final WorkItemType SCHEDULE = WorkItemType.of("referral-scheduling");
    public static final WorkItemType MISSING_INFORMATION = WorkItemType.of("referral-missing-information");
    public static final WorkItemType NOT_ACCEPTED = WorkItemType.of("referral-not-accepted");
    public static final WorkItemType FOLLOW_UP = WorkItemType.of("referral-follow-up");
    public static final WorkItemType STALLED = WorkItemType.of("referral-stalled");

    private final Duration scheduleWithin;
    private final Duration replyWithin;
    private final Clock clock;

    public ReferralWorkItems(Duration scheduleWithin, Duration replyWithin, Clock clock) {
        this.scheduleWithin = scheduleWithin;
        this.replyWithin = replyWithin;
        this.clock = clock;
    }

    /** @param referralId the referral's own id (RF1-6, ServiceRequest.identifier), named in the letter */
    public NewWorkItem inbound(ReferralDecision decision, PatientRef patient, String referralId, String referralReference,
                               String sourceMessageKey) {
        List<WorkItemLink> links = referralReference == null ? List.of()
                : List.of(WorkItemLink.fhir(referralReference, "the referral"));
        return switch (decision.outcome()) {
            case SCHEDULE -> new NewWorkItem(SCHEDULE, WORKFLOW, patient, WorkQueue.SCHEDULING, null,
                    clock.instant().plus(scheduleWithin), decision.priority(),
                    SuiteResult.classification(decision.outcome().code(), 1.0, decision.reasons()), sourceMessageKey, links);
            case MISSING_INFORMATION -> new NewWorkItem(MISSING_INFORMATION, WORKFLOW, patient, WorkQueue.FRONT_DESK, null,
                    clock.instant().plus(replyWithin), decision.priority(),
                    new SuiteResult(Draft.text(missingLetter(referralId, decision.missing()), "text/plain"),
                            decision.outcome().code(), 0.0, decision.reasons()), sourceMessageKey, links);
            case NOT_ACCEPTED -> new NewWorkItem(NOT_ACCEPTED, WORKFLOW, patient, WorkQueue.FRONT_DESK, null,
                    clock.instant().plus(replyWithin), WorkItemPriority.ROUTINE,
                    new SuiteResult(Draft.text(notAcceptedLetter(referralId), "text/plain"), decision.outcome().code(), 0.0,
                            decision.reasons()), sourceMessageKey, links);
        };
    }

    /** A reminder to the referred-to provider while a loop waits at a stage. */
    public NewWorkItem followUp(ReferralLoop loop, int number) {
        return new NewWorkItem(FOLLOW_UP, WORKFLOW, loop.patient(), WorkQueue.FRONT_DESK, null, clock.instant().plus(replyWithin),
                WorkItemPriority.ROUTINE, new SuiteResult(Draft.text(followUpLetter(loop), "text/plain"), loop.stage().code(), 0.0,
                        List.of("follow-up " + number + " at stage " + loop.stage().code() + " since " + loop.stageAt())),
                null, links(loop));
    }

    /** The loop has waited past its follow-ups: a person decides (call, re-refer, tell the patient). */
    public NewWorkItem stalled(ReferralLoop loop, int followUpsSent) {
        return new NewWorkItem(STALLED, WORKFLOW, loop.patient(), WorkQueue.CLINICIAN, null, clock.instant().plus(replyWithin),
                WorkItemPriority.URGENT, SuiteResult.classification("stalled", 1.0,
                List.of("referral " + loop.referralId() + " to " + orUnknown(loop.specialty()) + " stalled at stage "
                        + loop.stage().code() + " since " + loop.stageAt(), followUpsSent + " follow-ups sent without progress")),
                null, links(loop));
    }

    private static List<WorkItemLink> links(ReferralLoop loop) {
        return loop.serviceRequest() == null ? List.of() : List.of(WorkItemLink.fhir(loop.serviceRequest(), "the referral"));
    }

    private static String missingLetter(String referralId, List<String> missing) {
        return "Re: your referral " + orUnknown(referralId) + "\n\n"
                + "Thank you for the referral. Before we can schedule the patient, please send:\n"
                + String.join("\n", missing.stream().map(m -> "- " + describe(m)).toList()) + "\n";
    }

    private static String notAcceptedLetter(String referralId) {
        return "Re: your referral " + orUnknown(referralId) + "\n\n"
                + "Thank you for the referral. We are unable to accept it: the specialty requested or the patient's plan is"
                + " not one our practice offers or accepts. Please refer the patient elsewhere.\n";
    }

    private static String followUpLetter(ReferralLoop loop) {
        return "Re: our referral " + loop.referralId() + (loop.specialty() == null ? "" : " (" + loop.specialty() + ")") + "\n\n"
                + switch (loop.stage()) {
                    case SENT -> "Please confirm you received this referral.";
                    case ACKNOWLEDGED -> "Please let us know when the patient is scheduled.";
                    case SCHEDULED -> "Please let us know whether the patient was seen.";
                    case SEEN -> "Please send the consult report for this patient.";
                    case REPORT_RECEIVED -> "";
                } + "\n";
    }

    private static String describe(String missing) {
        return switch (missing) {
            case ReferralDocuments.REASON -> "the reason for referral";
            case ReferralDocuments.NOTES -> "recent clinical notes";
            case ReferralDocuments.IMAGING -> "the imaging report";
            case ReferralTriage.COVERAGE -> "the patient's insurance information";
            default -> missing;
        };
    }

    private static String orUnknown(String value) {
        return value == null ? "(no id)" : value;
    }
}
