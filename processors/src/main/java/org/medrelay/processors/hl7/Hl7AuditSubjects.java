package org.medrelay.processors.hl7;

import org.medrelay.mappings.hl7v2.Hl7Charsets;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditSubject;

/**
 * The audit subject of an HL7v2 message: the patient by the same pseudonymous key the broker groups the
 * message by (keyed hash of PID-3, {@link Hl7MessageHeader#patientGroup(PatientKeys)}), never PID-3 itself, and
 * the message by its dedup key.
 */
public final class Hl7AuditSubjects {

    private final PatientKeys patientKeys;

    public Hl7AuditSubjects(PatientKeys patientKeys) {
        this.patientKeys = patientKeys;
    }

    public AuditSubject of(Hl7MessageHeader header, String interfaceName) {
        // patientGroup() falls back to a key of the message key when there is no PID-3: that is no patient.
        String patientKey = header.patientKey().isEmpty() ? null : header.patientGroup(patientKeys);
        String sourceMessage = header.controlId().isEmpty() ? null : header.deduplicationKey();
        return new AuditSubject(patientKey, sourceMessage, interfaceName);
    }

    /** The subject of a stored message, read from its original bytes. */
    public AuditSubject ofRaw(byte[] raw, String interfaceName) {
        return of(Hl7MessageHeader.scan(new String(raw, Hl7Charsets.detect(raw))), interfaceName);
    }
}
