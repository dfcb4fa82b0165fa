package org.medrelay.processors.priorauth.followup;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The prior-auth step of {@code hl7-process}: an order message (ORM^O01, OMG^O19; RDE^O11, OMP^O09 where the table
 * lists drugs), once mapped and written to the EHR, is checked against the requirements table, and each order that
 * needs authorization opens a case ({@link PriorAuthIntake}: drafted and sent to the clinician to sign). The case
 * names the Patient by the id the EHR gave it, so the chart facts and the approval find it there.
 */
public class PriorAuthOrderTrigger {

    /** Exchange property holding the Bundle the message was mapped to (set by hl7-process before the write). */
    public static final String MAPPED_BUNDLE = "MedRelayMappedBundle";
    private static final Logger LOG = LoggerFactory.getLogger(PriorAuthOrderTrigger.class);

    private final PriorAuthIntake intake;

    public PriorAuthOrderTrigger(PriorAuthIntake intake) {
        this.intake = intake;
    }

    /** @param written the server ids the message's resources were written as; left as they are */
    public void check(@ExchangeProperty(MAPPED_BUNDLE) Bundle bundle, @Body List<String> written,
                      @ExchangeProperty(AuditSubject.EXCHANGE_PROPERTY) AuditSubject subject) throws SQLException {
        String message = subject == null ? null : subject.sourceMessage();
        Optional<String> patientId = written.stream().filter(id -> id.startsWith("Patient/")).findFirst();
        Optional<Patient> patient = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst();
        if (patientId.isEmpty() || patient.isEmpty() || subject == null || subject.patientKey() == null) {
            LOG.info("No prior-auth check for message {}: no patient written", message);
            return;
        }
        Bundle orders = bundle.copy();
        orders.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
                .findFirst().ifPresent(p -> p.setId(patientId.get()));
        try {
            List<PriorAuthCase> cases = intake.accept(orders, subject.patientKey());
            for (PriorAuthCase c : cases) {
                LOG.info("Order message {}: prior-auth case {} for order {} is {}", message, c.id(), c.order(), c.state().word());
            }
        } catch (IllegalArgumentException refused) {
            // the orders are in the EHR; what the table or the request could not take is for a person (named, no PHI)
            LOG.warn("Order message {}: no prior-auth case opened ({}: {})", message, refused.getClass().getSimpleName(),
                    refused.getMessage());
        }
    }
}
