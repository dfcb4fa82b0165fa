package org.medrelay.processors.refill;

import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;

import java.util.List;
import java.util.Optional;

/**
 * What the EHR holds about one patient that refill protocols look at. Holds PHI: {@link #toString()} names counts.
 *
 * @param patientReference {@code Patient/12} in the EHR
 * @param patient          empty when the EHR does not have it
 */
public record Chart(String patientReference, Optional<Patient> patient, List<Encounter> encounters,
                    List<Observation> observations, List<MedicationRequest> medicationRequests) {

    public Chart {
        encounters = List.copyOf(encounters);
        observations = List.copyOf(observations);
        medicationRequests = List.copyOf(medicationRequests);
    }

    /** No chart: the patient could not be found in the EHR. */
    public static Chart missing() {
        return new Chart(null, Optional.empty(), List.of(), List.of(), List.of());
    }

    @Override
    public String toString() {
        return "Chart[" + patientReference + ", " + encounters.size() + " encounters, " + observations.size()
                + " observations, " + medicationRequests.size() + " medication requests]";
    }
}
