package org.medrelay.processors.audit;

/**
 * What was done with patient data, by the suite or by a person. Stored by name, so new actions can be added
 * (and old ones must keep their names); {@link AuditEventToFhir} gives each its FHIR AuditEvent codes.
 */
public enum AuditAction {
    /** A message taken into processing. */
    RECEIVE,
    /** A message refused (at the door, or by the parser or mapper) and kept in the error store. */
    REFUSE,
    /** A message whose processing failed on every retry, kept in the dead-letter store. */
    DEAD_LETTER,
    /** A person asked for a stored message to be processed again. */
    REPROCESS,
    /** Patient data read (a FHIR read, a listing of the error store or of the audit trail). */
    READ,
    /** A resource created in the EHR. */
    CREATE,
    /** A resource updated in the EHR. */
    UPDATE,
    DELETE,
    /** Data sent out of MedRelay (an audit export, a file). */
    EXPORT,
    /** A draft released to its endpoint. */
    RELEASE,
    APPROVE,
    REJECT,
    REASSIGN,
    /** An overdue work item moved to the supervisor queue. */
    ESCALATE,
    /** A workflow's operating mode switched (shadow, review, live); about no patient. */
    MODE_SWITCH,
    LOGIN,
    LOGOUT,
    /** An emergency (break-glass) grant to an account; each request made under it is flagged in its entry. */
    BREAK_GLASS,
    /** An account made, disabled or given a new password. */
    ACCOUNT_CHANGE,
    /** Audit entries past their retention removed; the chain stays verifiable from an anchor. */
    PURGE,
    /**
     * A drafting model given one patient's data (a template filled, or a model endpoint called): the target names
     * the model ({@code drafting-model/<name>}), the reason whether the data sent was de-identified.
     */
    DRAFT,
    /** Stored payloads re-encrypted under the active key after a key rotation (or decrypted to clear); no patient. */
    RE_ENCRYPT
}
