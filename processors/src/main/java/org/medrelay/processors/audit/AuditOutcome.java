package org.medrelay.processors.audit;

/** Whether the audited action did what it set out to do; the entry's reason says why not. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE
}
