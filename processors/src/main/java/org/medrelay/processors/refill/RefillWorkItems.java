package org.medrelay.processors.refill;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.SuiteResult;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The work items of a triaged refill request: always one for the prescriber (clinician queue) whose draft is the
 * request as it would be signed, so a routine one is a one-click sign-off; and for needs-visit a scheduling item whose
 * draft is the message to the patient (no clinical details).
 */
public final class RefillWorkItems {

    public static final String WORKFLOW = "refills";
    /** A visit to book before a refill can be decided, with the message asking the patient to book it. */
    public static final WorkItemType REFILL_VISIT = WorkItemType.of("refill-visit");
    /** Routine: the protocol is met, sign-off is a formality a live workflow may skip. */
    static final double ROUTINE_CONFIDENCE = 0.97;
    /** Anything else waits for the prescriber, in every mode. */
    static final double REVIEW_CONFIDENCE = 0.0;

    private final FhirContext fhir;
    private final RefillSettings settings;
    private final Clock clock;

    public RefillWorkItems(FhirContext fhir, RefillSettings settings, Clock clock) {
        this.fhir = fhir;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param requestReference the MedicationRequest in the EHR ({@code MedicationRequest/9}), or null
     * @param patientMessage   for needs-visit, the drafted message to the patient; else null
     */
    public List<NewWorkItem> of(MedicationRequest request, RefillDecision decision, PatientRef patient,
                                String requestReference, String sourceMessageKey, String patientMessage) {
        return of(request, decision, patient, requestReference, sourceMessageKey, patientMessage, List.of());
    }

    /** @param sourceLinks where the request came from when it is not in the EHR (a fax's DocumentReference), first */
    public List<NewWorkItem> of(MedicationRequest request, RefillDecision decision, PatientRef patient,
                                String requestReference, String sourceMessageKey, String patientMessage,
                                List<WorkItemLink> sourceLinks) {
        List<WorkItemLink> links = new ArrayList<>(sourceLinks);
        if (requestReference != null) {
            links.add(WorkItemLink.fhir(requestReference, "refill request"));
        }
        decision.facts().stream().filter(f -> f.reference() != null)
                .forEach(f -> links.add(WorkItemLink.fhir(f.reference(), f.fact())));
        List<String> reasons = new ArrayList<>(decision.reasons());
        decision.facts().forEach(f -> reasons.add(f.fact() + ": " + f.value()));
        boolean routine = decision.refillClass() == RefillClass.ROUTINE;
        Draft signOff = Draft.text(fhir.newJsonParser().encodeResourceToString(request), "application/fhir+json");
        List<NewWorkItem> items = new ArrayList<>();
        items.add(new NewWorkItem(WorkItemType.REFILL_REQUEST, WORKFLOW, patient, WorkQueue.CLINICIAN, null,
                clock.instant().plus(settings.signOffWithin()),
                routine ? WorkItemPriority.ROUTINE : WorkItemPriority.URGENT,
                new SuiteResult(signOff, decision.refillClass().code(),
                        routine && !decision.controlled() ? ROUTINE_CONFIDENCE : REVIEW_CONFIDENCE, reasons),
                sourceMessageKey, links));
        if (decision.refillClass() == RefillClass.NEEDS_VISIT && patientMessage != null) {
            items.add(new NewWorkItem(REFILL_VISIT, WORKFLOW, patient, WorkQueue.SCHEDULING, null,
                    clock.instant().plus(settings.schedulingWithin()), WorkItemPriority.ROUTINE,
                    new SuiteResult(Draft.text(patientMessage, "text/plain"), RefillClass.NEEDS_VISIT.code(), 1.0,
                            decision.reasons().stream().filter(r -> r.contains("visit")).toList()),
                    sourceMessageKey, links));
        }
        return items;
    }
}
