package org.medrelay.processors.drafting;

import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medrelay.processors.review.PatientRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link PatientContext} for one patient, named by the key and EHR reference a work item carries. It
 * takes only that patient's data: the Patient resource with the same id, and resources whose every patient
 * reference is that Patient. A resource naming another patient, or one that should name a patient but does not
 * (a Claim without {@code patient}), or that names one only by identifier, is refused with
 * {@link OtherPatientDataException}: isolation must not depend on every caller filtering correctly.
 */
public final class PatientContextBuilder {

    private final PatientRef patient;
    private final String patientId;
    private Patient patientResource;
    private final List<Resource> resources = new ArrayList<>();

    PatientContextBuilder(PatientRef patient) {
        this.patient = Objects.requireNonNull(patient, "patient");
        this.patientId = patient.reference().substring("Patient/".length());
    }

    /** The patient's own resource; its id must be the one the context was opened for. */
    public PatientContextBuilder patient(Patient resource) {
        Objects.requireNonNull(resource, "resource");
        if (!patientId.equals(resource.getIdElement().getIdPart())) {
            throw new OtherPatientDataException("Patient resource is not " + patient + " of this context"
                    + " (its id differs, or it has none)");
        }
        if (PatientReferences.containsPatient(resource)) {
            throw new OtherPatientDataException("Patient resource contains another Patient");
        }
        rejectOtherPatients(resource);
        this.patientResource = resource;
        return this;
    }

    /** A resource of this patient (coverage, claim, service request, ...) or of no patient (an organization). */
    public PatientContextBuilder add(Resource resource) {
        Objects.requireNonNull(resource, "resource");
        if (resource instanceof Patient other) {
            return patient(other);
        }
        String type = resource.fhirType();
        if (PatientReferences.containsPatient(resource)) {
            throw new OtherPatientDataException(type + " contains a Patient resource; only " + patient
                    + " may be in this context, as its own resource");
        }
        List<Reference> toPatients = rejectOtherPatients(resource);
        if (toPatients.isEmpty() && PatientReferences.inPatientCompartment(resource)) {
            throw new OtherPatientDataException(type + " names no patient, so it cannot be told whether it is "
                    + patient + "'s; give it a reference to the context's Patient");
        }
        resources.add(resource);
        return this;
    }

    public PatientContextBuilder addAll(List<? extends Resource> more) {
        more.forEach(this::add);
        return this;
    }

    public PatientContext build() {
        if (patientResource == null) {
            throw new IllegalStateException("A patient context needs the Patient resource of " + patient);
        }
        return new PatientContext(patient, patientResource, resources);
    }

    private List<Reference> rejectOtherPatients(Resource resource) {
        List<Reference> toPatients = PatientReferences.in(resource);
        for (Reference reference : toPatients) {
            String id = reference.getReferenceElement().getIdPart();
            if (id == null) {
                throw new OtherPatientDataException(resource.fhirType() + " refers to a patient by identifier"
                        + " only, which cannot be matched to " + patient);
            }
            if (!patientId.equals(id)) {
                throw new OtherPatientDataException(resource.fhirType() + " refers to another patient than "
                        + patient + "; refused from this context");
            }
        }
        return toPatients;
    }
}
