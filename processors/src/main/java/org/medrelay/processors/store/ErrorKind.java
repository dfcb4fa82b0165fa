package org.medrelay.processors.store;

/** Why a message is in the error store. */
public enum ErrorKind {
    /** Refused at the door with an AR or AE acknowledgement. */
    REJECTED,
    /** Bytes that arrived outside a well-formed MLLP frame; kept for diagnosis. */
    FRAMING,
    /** Acknowledged, then refused by the parser or the mapper (a content problem; retrying will not help). */
    UNPROCESSABLE,
    /** Processing failed on every retry (e.g. the EHR kept refusing); the original bytes wait here. */
    DEAD_LETTER;

    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
