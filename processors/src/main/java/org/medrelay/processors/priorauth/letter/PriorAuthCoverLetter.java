package org.medrelay.processors.priorauth.letter;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.medrelay.processors.drafting.DraftKind;
import org.medrelay.processors.drafting.DraftRequest;
import org.medrelay.processors.drafting.DraftResult;
import org.medrelay.processors.drafting.DraftingModel;
import org.medrelay.processors.drafting.PatientContext;
import org.medrelay.processors.drafting.PatientContextBuilder;
import org.medrelay.processors.priorauth.PriorAuthDecision;
import org.medrelay.processors.review.PatientRef;

import java.time.LocalDate;

/**
 * The cover letter for a portal or fax payer: the drafting model's {@code prior-auth-request} template (by default
 * {@code drafting/templates/prior-auth-request.ftl}, audited as every draft is) filled from the order, its Patient,
 * Coverage and the Conditions it names as reasons, with the documentation the payer's rule asks for as the
 * instructions. The bundle's own references (urn:uuid) to the patient are read as references to {@code Patient/<id>},
 * so the patient context accepts the order's resources as this patient's.
 */
public final class PriorAuthCoverLetter {

    private final DraftingModel model;

    public PriorAuthCoverLetter(DraftingModel model) {
        this.model = model;
    }

    public DraftResult draft(Bundle orders, PriorAuthDecision decision, String patientKey, LocalDate date) {
        Patient patient = orders.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Patient in the orders: the letter needs one"));
        String patientId = patient.getIdElement().hasIdPart() ? patient.getIdElement().getIdPart() : "unidentified";
        Patient own = patient.copy();
        own.setId(patientId);
        String fullUrl = orders.getEntry().stream().filter(e -> e.getResource() == patient).map(Bundle.BundleEntryComponent::getFullUrl)
                .findFirst().orElse(null);
        PatientContextBuilder context = PatientContext.builder(new PatientRef("Patient/" + patientId, patientKey)).patient(own);
        for (Bundle.BundleEntryComponent entry : orders.getEntry()) {
            Resource r = entry.getResource();
            if (r instanceof Coverage coverage) {
                Coverage copy = coverage.copy();
                copy.setBeneficiary(toPatient(copy.getBeneficiary(), fullUrl, patientId));
                copy.setSubscriber(copy.hasSubscriber() ? toPatient(copy.getSubscriber(), fullUrl, patientId) : null);
                context.add(copy);
            } else if (r instanceof ServiceRequest request && isTheOrder(request, decision.order())) {
                ServiceRequest copy = request.copy();
                copy.setSubject(toPatient(copy.getSubject(), fullUrl, patientId));
                context.add(copy);
            } else if (r instanceof Condition condition) {
                Condition copy = condition.copy();
                copy.setSubject(toPatient(copy.getSubject(), fullUrl, patientId));
                context.add(copy);
            } else if (r instanceof Organization organization) {
                context.add(organization);
            }
        }
        String instructions = decision.documentation().isEmpty() ? ""
                : "Enclosed, as the payer asks: " + String.join("; ", decision.documentation()) + ".";
        return model.draft(new DraftRequest(DraftKind.PRIOR_AUTH_REQUEST, context.build(), instructions, date));
    }

    private static boolean isTheOrder(ServiceRequest request, String order) {
        return request.getIdentifier().stream().anyMatch(i -> order.equals(i.getValue()))
                || order.equals(request.getIdElement().getIdPart());
    }

    /** The bundle's reference to its Patient entry, as {@code Patient/<id>}; any other reference is kept as it is. */
    private static Reference toPatient(Reference reference, String patientFullUrl, String patientId) {
        if (reference.hasReference() && reference.getReference().equals(patientFullUrl)) {
            return new Reference("Patient/" + patientId);
        }
        return reference;
    }
}
