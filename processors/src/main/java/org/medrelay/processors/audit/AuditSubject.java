package org.medrelay.processors.audit;

/**
 * What an action concerns, as the beans that process a message know it: the patient (pseudonymous key),
 * the message it came from, and the interface it came in on. Carried through a route in the exchange
 * property {@link #EXCHANGE_PROPERTY}, so every bean that audits names the same patient and message.
 *
 * @param patientKey    a pseudonymous key such as the keyed hash of PID-3 ({@code Hl7MessageHeader.patientGroup}),
 *                      or null when the message names no patient
 * @param sourceMessage the message's dedup key (sending application | facility | control id), or null
 * @param interfaceName the inbound interface (route id), or null
 */
public record AuditSubject(String patientKey, String sourceMessage, String interfaceName) {

    /** Exchange property holding the subject of the message being processed. */
    public static final String EXCHANGE_PROPERTY = "MedRelayAuditSubject";

    /** An action about no particular patient or message (a listing, a purge). */
    public static final AuditSubject NONE = new AuditSubject(null, null, null);

    public static AuditSubject patient(String patientKey) {
        return new AuditSubject(patientKey, null, null);
    }
}
