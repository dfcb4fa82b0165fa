package org.medrelay.processors.refill;

import org.hl7.fhir.r4.model.MedicationRequest;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.drafting.PatientMessages;
import org.medrelay.processors.fax.FaxClassification;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemLink;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The refill step of fax intake: a refill-request fax filed on one patient's chart is turned into a MedicationRequest
 * ({@link RefillFaxRequest}), triaged against the protocols and the chart like an OMP^O09, and becomes the refill
 * workflow's work items (the prescriber's sign-off; for needs-visit the scheduling item with the patient message),
 * each linked to the fax's DocumentReference and the stored fax. A controlled substance is never released without
 * the prescriber ({@link ControlledSubstanceIntake}). The request is not written to the EHR: until the prescriber
 * signs, the fax on the chart is the request.
 */
public class RefillFaxTriage {

    private final ChartReader charts;
    private final RefillTriage triage;
    private final RefillWorkItems workItems;
    private final PatientMessages messages;
    private final ControlledSubstanceIntake intake;

    public RefillFaxTriage(ChartReader charts, RefillTriage triage, RefillWorkItems workItems, PatientMessages messages,
                           ControlledSubstanceIntake intake) {
        this.charts = charts;
        this.triage = triage;
        this.workItems = workItems;
        this.messages = messages;
        this.intake = intake;
    }

    /** Whether the fax carries what triage needs: a medication read off it. */
    public static boolean triageable(FaxClassification classification) {
        String medication = classification.fields().medication();
        return medication != null && !medication.isBlank();
    }

    /**
     * @param sourceKey the stored fax ({@code fax-file/7}), the work items' source
     * @return the stored work items, the prescriber's first
     * @throws IllegalArgumentException when the fax is not {@link #triageable}
     */
    public List<WorkItem> triage(FaxClassification classification, PatientRef patient, String documentReference,
                                 String sourceKey, Instant receivedAt, AuditSubject subject) throws SQLException {
        // no practitioner match yet: the prescriber is the name on the fax, which triage reports as naming none
        MedicationRequest request = RefillFaxRequest.of(classification, patient.reference(), null, receivedAt);
        Chart chart = charts.read(patient.reference(), subject);
        RefillDecision decision = triage.triage(request, chart);
        String message = decision.refillClass() == RefillClass.NEEDS_VISIT && chart.patient().isPresent()
                ? messages.draft(PatientMessages.REFILL_VISIT, patient, chart.patient().get(), List.of(), "") : null;
        List<WorkItemLink> faxLinks = List.of(
                WorkItemLink.document(documentReference, "the refill request fax, filed on the chart"),
                WorkItemLink.document(sourceKey, "the fax as received"));
        List<WorkItem> stored = new ArrayList<>();
        for (NewWorkItem item : workItems.of(request, decision, patient, null, sourceKey, message, faxLinks)) {
            stored.add(intake.accept(item, decision.controlled()));
        }
        return stored;
    }
}
