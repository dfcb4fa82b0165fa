package org.medrelay.mappings.hl7v2;

import ca.uhn.hl7v2.ErrorCode;

/**
 * An HL7v2 message MedRelay cannot accept, with what a sender needs to fix it: the HL7 table 0357
 * error code and the location (segment, field). The message never carries field values, so it is
 * safe to log and to return in an ERR segment: no PHI.
 */
public class Hl7InputException extends Exception {

    private final ErrorCode errorCode;
    private final String segment;
    private final int segmentRepetition;
    private final int field;

    public Hl7InputException(ErrorCode errorCode, String reason) {
        this(errorCode, reason, null, 0, 0, null);
    }

    public Hl7InputException(ErrorCode errorCode, String reason, String segment, int field) {
        this(errorCode, reason, segment, 1, field, null);
    }

    public Hl7InputException(ErrorCode errorCode, String reason, String segment, int segmentRepetition,
                             int field, Throwable cause) {
        super(reason, cause);
        this.errorCode = errorCode;
        this.segment = segment;
        this.segmentRepetition = segmentRepetition;
        this.field = field;
    }

    /** HL7 table 0357 code: 100 segment sequence, 101 required field missing, 102 data type, 200 unsupported type... */
    public ErrorCode getErrorCode() {
        return errorCode;
    }

    /** Segment id where the problem is, or null when it concerns the message as a whole. */
    public String getSegment() {
        return segment;
    }

    public int getSegmentRepetition() {
        return segmentRepetition;
    }

    /** Field sequence within the segment (MSH-9 is 9), or 0 when the whole segment is at fault. */
    public int getField() {
        return field;
    }

    /** Location as an interface engineer writes it: {@code MSH-9}, {@code PID}, or empty. */
    public String location() {
        if (segment == null) {
            return "";
        }
        return field > 0 ? segment + "-" + field : segment;
    }
}
