package org.medrelay.mappings.x12;

/**
 * A file that cannot be read as X12 at all: no ISA, a broken ISA, a segment the lexer cannot take, an
 * interchange cut off before its IEA. The message names the position (segment number and line) and never
 * element values.
 */
public class X12InputException extends Exception {

    private final InterchangeNote note;

    public X12InputException(String message, InterchangeNote note, Throwable cause) {
        super(message, cause);
        this.note = note;
    }

    /** The TA105 code a receiver answers such a file with (022 invalid control structure, 023 premature end). */
    public InterchangeNote note() {
        return note;
    }
}
