package org.medrelay.processors.remittance;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.review.PatientRef;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds the EHR's Patient a claim of an 835 is about, by the member id the payer names (NM1*QC NM109, else the
 * insured's NM1*IL NM109): the Coverage with that identifier (as registrations write it from IN1-36/IN1-49) and its
 * beneficiary, else a Patient with that identifier. The pseudonymous key is the one the ingest path gives the patient
 * (PID-3 authority and MRN, read back from the Patient's {@value #HL7_ID_SYSTEM} identifier), else a keyed hash of
 * the EHR reference. Each read is audited.
 */
public class RemittancePatients {

    /** How the HL7v2 mapping names an assigning authority's identifier system (mappings hl7/settings.yml). */
    static final String HL7_ID_SYSTEM = "urn:medrelay:hl7:id:";
    private final IGenericClient ehr;
    private final PatientKeys keys;
    private final AuditTrail trail;
    private final String actor;
    private final String interfaceName;
    private final Clock clock;

    public RemittancePatients(IGenericClient ehr, PatientKeys keys, AuditTrail trail, String actor, String interfaceName, Clock clock) {
        this.ehr = ehr;
        this.keys = keys;
        this.trail = trail;
        this.actor = actor;
        this.interfaceName = interfaceName;
        this.clock = clock;
    }

    public Optional<PatientRef> resolve(ClaimPayment claim, String sourceKey) throws SQLException {
        String memberId = claim.patient().id().isEmpty() ? claim.insured().id() : claim.patient().id();
        if (memberId.isEmpty()) {
            return Optional.empty();
        }
        Bundle coverages = ehr.search().forResource(Coverage.class).where(Coverage.IDENTIFIER.exactly().code(memberId))
                .returnBundle(Bundle.class).execute();
        for (Bundle.BundleEntryComponent entry : coverages.getEntry()) {
            Coverage coverage = (Coverage) entry.getResource();
            String beneficiary = coverage.getBeneficiary().getReference();
            if (beneficiary != null && beneficiary.startsWith("Patient/")) {
                PatientRef patient = patientRef(ehr.read().resource(Patient.class).withId(beneficiary).execute());
                audit(patient, coverage.getIdElement().toUnqualifiedVersionless().getValue(), sourceKey);
                return Optional.of(patient);
            }
        }
        Bundle patients = ehr.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly().code(memberId))
                .returnBundle(Bundle.class).execute();
        if (patients.getEntry().size() != 1) {
            return Optional.empty();
        }
        PatientRef patient = patientRef((Patient) patients.getEntryFirstRep().getResource());
        audit(patient, patient.reference(), sourceKey);
        return Optional.of(patient);
    }

    private PatientRef patientRef(Patient patient) {
        String reference = "Patient/" + patient.getIdElement().getIdPart();
        Optional<Identifier> mrn = patient.getIdentifier().stream()
                .filter(i -> i.hasSystem() && i.getSystem().startsWith(HL7_ID_SYSTEM) && i.hasValue())
                .min((a, b) -> Boolean.compare(!isMrn(a), !isMrn(b)));
        String key = mrn.map(i -> keys.keyOf(i.getSystem().substring(HL7_ID_SYSTEM.length()) + ":" + i.getValue()))
                .orElseGet(() -> keys.keyOf("ehr-patient|" + reference));
        return new PatientRef(reference, key);
    }

    private static boolean isMrn(Identifier identifier) {
        return identifier.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode()));
    }

    private void audit(PatientRef patient, String target, String sourceKey) throws SQLException {
        trail.append(AuditEvent.of(actor, AuditAction.READ, clock.instant(),
                new AuditSubject(patient.pseudonymKey(), sourceKey, interfaceName), target, AuditOutcome.SUCCESS,
                "patient of a remittance claim"));
    }
}
