package org.medrelay.processors.drafting;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * Which patients a FHIR resource points at: every {@code Reference} to a Patient anywhere in it, contained
 * resources included, and whether its type belongs to the Patient compartment at all (FHIR R4
 * compartmentdefinition-patient: a Claim does, an Organization does not).
 */
final class PatientReferences {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private PatientReferences() {
    }

    /** The references to a Patient, as the resource holds them (the caller decides what a match is). */
    static List<Reference> in(Resource resource) {
        List<Reference> toPatients = new ArrayList<>();
        for (Reference reference : FHIR.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            if (pointsAtPatient(reference)) {
                toPatients.add(reference);
            }
        }
        if (resource instanceof DomainResource domain) {
            for (Resource contained : domain.getContained()) {
                toPatients.addAll(in(contained));
            }
        }
        return toPatients;
    }

    /** True for types whose instances are about a patient (and so must name one to be placed in a context). */
    static boolean inPatientCompartment(Resource resource) {
        return !FHIR.getResourceDefinition(resource).getSearchParamsForCompartmentName("Patient").isEmpty();
    }

    /** True when the resource, or one it contains, is itself a Patient (which a context holds only once). */
    static boolean containsPatient(Resource resource) {
        return resource instanceof DomainResource domain
                && domain.getContained().stream().anyMatch(c -> c instanceof Patient || containsPatient(c));
    }

    private static boolean pointsAtPatient(Reference reference) {
        return "Patient".equals(reference.getReferenceElement().getResourceType())
                || "Patient".equals(reference.getType())
                || reference.getResource() instanceof Patient;
    }
}
