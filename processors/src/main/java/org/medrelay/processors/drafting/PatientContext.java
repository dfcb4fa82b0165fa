package org.medrelay.processors.drafting;

import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.medrelay.processors.review.PatientRef;

import java.util.List;

/**
 * Everything a drafting or classification call may know, about exactly one patient: the Patient resource and
 * resources in that patient's compartment (coverage, claims, service requests, conditions), plus resources that
 * are about no patient (the payer's Organization). Only {@link PatientContextBuilder} makes one, and it refuses
 * any resource that names another patient, so a call given a context cannot see a second patient's data.
 * Holds PHI: {@link #toString()} shows the pseudonymous key only.
 */
public final class PatientContext {

    private final PatientRef patient;
    private final Patient patientResource;
    private final List<Resource> resources;

    PatientContext(PatientRef patient, Patient patientResource, List<Resource> resources) {
        this.patient = patient;
        this.patientResource = patientResource.copy();
        this.resources = resources.stream().map(Resource::copy).toList();
    }

    /** Starts a context for the patient a work item names: its EHR reference and its pseudonymous key. */
    public static PatientContextBuilder builder(PatientRef patient) {
        return new PatientContextBuilder(patient);
    }

    public PatientRef patient() {
        return patient;
    }

    /** The pseudonymous key: what audit entries and logs name the patient by. */
    public String patientKey() {
        return patient.pseudonymKey();
    }

    /** A copy of the Patient resource. */
    public Patient patientResource() {
        return patientResource.copy();
    }

    /** Copies of the other resources, in the order they were added. */
    public List<Resource> resources() {
        return resources.stream().map(Resource::copy).toList();
    }

    /** Copies of the resources of one type, in the order they were added. */
    public <T extends Resource> List<T> resourcesOf(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(r -> type.cast(r.copy())).toList();
    }

    @Override
    public String toString() {
        return "PatientContext[" + patient + ", " + resources.size() + " resources]";
    }
}
