package org.medrelay.processors.refill;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.drafting.PatientMessages;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.WorkItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The refill step of {@code hl7-process}: a medication order message (OMP^O09, RDE^O11, RDE^O25), once mapped and
 * written to the EHR, is triaged against the refill protocols and the patient's chart read back from the EHR, and
 * becomes the prescriber's work item (plus a scheduling item with a patient message when a visit is needed).
 */
public class RefillTrigger {

    /** Exchange property holding the Bundle the message was mapped to (set by hl7-process before the write). */
    public static final String MAPPED_BUNDLE = "MedRelayMappedBundle";
    private static final Logger LOG = LoggerFactory.getLogger(RefillTrigger.class);

    private final ChartReader charts;
    private final RefillTriage triage;
    private final RefillWorkItems workItems;
    private final PatientMessages messages;
    private final ControlledSubstanceIntake intake;

    public RefillTrigger(ChartReader charts, RefillTriage triage, RefillWorkItems workItems, PatientMessages messages,
                         ControlledSubstanceIntake intake) {
        this.charts = charts;
        this.triage = triage;
        this.workItems = workItems;
        this.messages = messages;
        this.intake = intake;
    }

    /** @param written the server ids the message's resources were written as */
    public void triage(@ExchangeProperty(MAPPED_BUNDLE) Bundle bundle, @Body List<String> written,
                       @ExchangeProperty(AuditSubject.EXCHANGE_PROPERTY) AuditSubject subject) throws SQLException {
        Optional<String> patientId = first(written, "Patient/");
        List<MedicationRequest> requests = resources(bundle, MedicationRequest.class);
        if (patientId.isEmpty() || requests.isEmpty() || subject == null || subject.patientKey() == null) {
            LOG.info("No refill triage for message {}: no patient or medication request written", subject == null ? null
                    : subject.sourceMessage());
            return;
        }
        List<String> requestIds = written.stream().filter(id -> id.startsWith("MedicationRequest/")).toList();
        Chart chart = charts.read(patientId.get(), subject);
        PatientRef patient = new PatientRef(patientId.get(), subject.patientKey());
        for (int i = 0; i < requests.size(); i++) {
            MedicationRequest request = requests.get(i).copy();
            String requestId = i < requestIds.size() ? requestIds.get(i) : null;
            if (requestId != null) {
                request.setId(requestId);
            }
            RefillDecision decision = triage.triage(request, chart);
            String message = decision.refillClass() == RefillClass.NEEDS_VISIT && chart.patient().isPresent()
                    ? messages.draft(PatientMessages.REFILL_VISIT, patient, chart.patient().get(), List.of(), "") : null;
            for (NewWorkItem item : workItems.of(request, decision, patient, requestId, subject.sourceMessage(), message)) {
                WorkItem stored = intake.accept(item, decision.controlled());
                LOG.info("Refill request in message {} triaged {}: work item {} in {}", subject.sourceMessage(),
                        decision.refillClass().code(), stored.id(), stored.queue());
            }
        }
    }

    private static Optional<String> first(List<String> written, String prefix) {
        return written.stream().filter(id -> id.startsWith(prefix)).findFirst();
    }

    static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    static Optional<Patient> patient(Bundle bundle) {
        return resources(bundle, Patient.class).stream().findFirst();
    }
}
