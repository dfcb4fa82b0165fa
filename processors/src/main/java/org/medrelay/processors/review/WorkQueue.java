package org.medrelay.processors.review;

/** The team a work item waits for. */
public enum WorkQueue {
    FRONT_DESK,
    BILLING,
    CLINICIAN,
    RECORDS,
    SCHEDULING,
    /** Whoever maintains the clearinghouse setup: trading partner ids, envelopes, rejected or quarantined X12 files. */
    CLEARINGHOUSE_SETUP,
    /** Whoever works prior-authorization cases: payers' responses that arrive by fax. */
    PRIOR_AUTH,
    /** Where overdue items escalate to; their original queue is kept beside. */
    SUPERVISOR;

    /** The code in FHIR (Task.performerType) and in URLs: {@code front-desk}. */
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }
}
