package org.medrelay.processors.store;

/** Where a stored error stands. */
public enum ErrorStatus {
    OPEN,
    /** Someone asked for it to be processed again; the engine picks it up. */
    REPROCESS_REQUESTED,
    /** Put back on the inbound queue; its outcome shows in the message log. */
    REPROCESSED
}
