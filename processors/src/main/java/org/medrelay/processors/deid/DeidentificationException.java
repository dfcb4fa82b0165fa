package org.medrelay.processors.deid;

/**
 * Input the de-identifier cannot read safely (not an HL7v2 message, no ISA header). The message
 * names the position and the rule, never a value of the input.
 */
public class DeidentificationException extends RuntimeException {

    public DeidentificationException(String message) {
        super(message);
    }

    public DeidentificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
