package org.medrelay.processors.eligibility;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The work items of the eligibility workflow: a front-desk item per visit with coverage gaps (reasons, the
 * patient-responsibility estimate, what to ask), and a clearinghouse-setup item per request whose 270 a 999 or TA1
 * rejected or whose 271 arrived in a quarantined file.
 */
public class EligibilityWorkItems {

    public static final String WORKFLOW = "eligibility";
    /** A 270 the clearinghouse refused, or a 271 that could not be taken in: for whoever maintains the setup. */
    public static final WorkItemType CLEARINGHOUSE_PROBLEM = WorkItemType.of("eligibility-clearinghouse-problem");
    private static final Duration SOON = Duration.ofDays(2);
    private final Clock clock;

    public EligibilityWorkItems(Clock clock) {
        this.clock = clock;
    }

    public NewWorkItem gaps(StoredRequest request, EligibilityAssessment assessment, String responseReference) {
        return gaps(request, assessment, responseReference, List.of());
    }

    /** @param priorAuth what prior authorization knows of the patient, when the payer requires it (reasons, then the note) */
    public NewWorkItem gaps(StoredRequest request, EligibilityAssessment assessment, String responseReference, List<String> priorAuth) {
        EligibilityCheck check = request.check();
        List<String> reasons = new ArrayList<>();
        StringBuilder note = new StringBuilder("Eligibility for the visit on ").append(check.visit().date()).append('\n');
        for (CoverageGap gap : assessment.gaps()) {
            reasons.add(gap.kind().code() + ": " + gap.reason());
            note.append("- ").append(gap.reason()).append(". Ask: ").append(gap.askPatient()).append('\n');
        }
        reasons.add(assessment.responsibility().describe());
        note.append(assessment.responsibility().describe()).append('\n');
        reasons.addAll(priorAuth);
        priorAuth.forEach(line -> note.append(line).append('\n'));
        Instant visit = check.visit().date().atStartOfDay(clock.getZone()).toInstant();
        Instant now = clock.instant();
        Instant due = visit.isAfter(now) ? visit : now.plus(Duration.ofHours(4));
        WorkItemPriority priority = visit.isBefore(now.plus(SOON)) ? WorkItemPriority.URGENT : WorkItemPriority.ROUTINE;
        return new NewWorkItem(WorkItemType.ELIGIBILITY_GAP, WORKFLOW, patient(check), WorkQueue.FRONT_DESK, null, due, priority,
                new SuiteResult(Draft.text(note.toString(), "text/plain"), assessment.gaps().get(0).kind().code(), 1.0, reasons),
                check.sourceMessageKey(), List.of(WorkItemLink.fhir(responseReference, "271 eligibility response")));
    }

    /** @param what e.g. "270-rejected" or "271-quarantined"; @param reasons codes and positions from the 999/TA1 or report */
    public NewWorkItem clearinghouseProblem(StoredRequest request, String what, List<String> reasons, String fileName) {
        EligibilityCheck check = request.check();
        List<String> all = new ArrayList<>(reasons.stream().limit(20).toList());
        all.add("file " + fileName + ", request trace " + request.traceNumber());
        return new NewWorkItem(CLEARINGHOUSE_PROBLEM, WORKFLOW, patient(check), WorkQueue.CLEARINGHOUSE_SETUP, null,
                clock.instant().plus(Duration.ofDays(1)), WorkItemPriority.URGENT, SuiteResult.classification(what, 1.0, all),
                check.sourceMessageKey(), List.of(WorkItemLink.document(fileName, "X12 file from the clearinghouse")));
    }

    private static PatientRef patient(EligibilityCheck check) {
        return new PatientRef(check.patientReference(), check.patientKey());
    }
}
