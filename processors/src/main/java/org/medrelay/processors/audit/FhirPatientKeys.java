package org.medrelay.processors.audit;

import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.mappings.privacy.PatientKeys;

/**
 * The pseudonymous key of a Patient read from the EHR, the same key an HL7v2 message naming that patient in PID-3
 * gets, so audit entries and deduplication agree whichever feed (HL7v2 or FHIR) brought the patient.
 */
public final class FhirPatientKeys {

    /** The identifier system MedRelay writes for an HL7v2 assigning authority (the mapper's). */
    private static final String HL7_SYSTEM = "urn:medrelay:hl7:id:";

    private FhirPatientKeys() {
    }

    /** The key of its first identifier as HL7v2 keys PID-3 (authority and id), else of its id in the EHR. */
    public static String of(PatientKeys keys, Patient patient) {
        Identifier first = patient.getIdentifierFirstRep();
        if (!first.hasValue()) {
            return keys.keyOf("fhir:" + patient.getIdElement().toUnqualifiedVersionless().getValue());
        }
        String system = first.hasSystem() ? first.getSystem() : "";
        String authority = system.startsWith(HL7_SYSTEM) ? system.substring(HL7_SYSTEM.length()) : system;
        return keys.keyOf(Hl7MessageHeader.patientIdentifier(authority, first.getValue()));
    }
}
