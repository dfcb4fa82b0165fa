package org.medrelay.processors.eligibility;

/** Where an eligibility request stands (eligibility_request.status, V6). */
public enum RequestStatus {
    /** Waiting for its due time. */
    DUE,
    /** Written in a 270 file to the clearinghouse's outbox. */
    SENT,
    /** Its 271 was mapped and written to the EHR. */
    ANSWERED,
    /** A 999 or TA1 from the clearinghouse refused the 270 it was in. */
    REJECTED,
    /** Its 271 came in a file that failed validation, kept in quarantine. */
    QUARANTINED,
    /** The visit moved or the coverage changed before it was sent; a newer check replaces it. */
    SUPERSEDED,
    /** The visit was cancelled (or a no-show) before it was sent; it never is. */
    CANCELLED
}
