package org.medrelay.mappings.hl7v2;

import org.medrelay.mappings.privacy.PatientKeys;

/**
 * What the ingest path needs from a message before it is stored: the MSH fields and the patient key,
 * read by scanning the text rather than by a full parse (a full parse happens after the ACK).
 *
 * <p>Fields that are absent are empty strings, never null, so an ACK can always be built from a header
 * however broken the message was.
 */
public record Hl7MessageHeader(
        char fieldSeparator,
        String encodingCharacters,
        String sendingApplication,
        String sendingFacility,
        String receivingApplication,
        String receivingFacility,
        String messageType,
        String triggerEvent,
        String messageStructure,
        String controlId,
        String processingId,
        String version,
        String characterSet,
        String patientKey) {

    static final char DEFAULT_FIELD_SEPARATOR = '|';
    static final String DEFAULT_ENCODING_CHARACTERS = "^~\\&";

    /** A header for input that has no readable MSH at all. */
    public static Hl7MessageHeader unreadable() {
        return new Hl7MessageHeader(DEFAULT_FIELD_SEPARATOR, DEFAULT_ENCODING_CHARACTERS,
                "", "", "", "", "", "", "", "", "", "", "", "");
    }

    /**
     * Reads MSH (and PID-3 for the patient key) without validating anything. Never throws:
     * whatever cannot be read is left empty. Use {@link Hl7EnvelopeValidator} to refuse bad input.
     */
    public static Hl7MessageHeader scan(String text) {
        return Hl7HeaderScanner.scan(text);
    }

    public char componentSeparator() {
        return encodingCharacters.isEmpty() ? '^' : encodingCharacters.charAt(0);
    }

    /** MSH-9 as written in an ACK's MSH-9 and in logs: {@code ADT^A04}. */
    public String messageTypeAndEvent() {
        return triggerEvent.isEmpty() ? messageType : messageType + "^" + triggerEvent;
    }

    /**
     * The key under which a message is processed once: MSH-10 is unique only per sending
     * application and facility (HL7 v2.5 2.14.9.10).
     */
    public String deduplicationKey() {
        return sendingApplication + "|" + sendingFacility + "|" + controlId;
    }

    /**
     * The patient's identifier as PID-3 gives it (CX-4 assigning authority, CX-1 ID number), the input of the
     * patient key: {@code MRH:MRN100001}. The CLI builds it the same way from what an auditor types.
     */
    public static String patientIdentifier(String assigningAuthority, String idNumber) {
        return assigningAuthority + ":" + idNumber;
    }

    /**
     * The pseudonymous key that keeps one patient's messages in order and names the patient in the audit trail:
     * keyed by the deployment's secret, so MRNs never appear, nor can be recovered, from broker headers,
     * management consoles or the audit table. A message without PID-3 is keyed by its message key instead
     * (a group of its own, and no patient).
     */
    public String patientGroup(PatientKeys keys) {
        return keys.keyOf(patientKey.isEmpty() ? deduplicationKey() : patientKey);
    }
}
