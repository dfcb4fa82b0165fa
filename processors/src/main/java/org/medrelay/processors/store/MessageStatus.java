package org.medrelay.processors.store;

/** How far an accepted message got. */
public enum MessageStatus {
    /** Taken from the durable queue; not yet written to the EHR. */
    PROCESSING,
    /** Every resource it maps to was written to the EHR. */
    PROCESSED,
    /** Ended in the error store (unprocessable or dead-lettered). */
    FAILED
}
