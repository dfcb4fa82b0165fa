package org.medrelay.mappings.hl7v2;

/**
 * Stands in for a library exception whose message may quote the input (HAPI quotes the first 50
 * characters of a message it cannot read): keeps the type and stack trace for whoever debugs,
 * drops the text so the cause chain is as PHI-free as {@link Hl7InputException} itself.
 */
public final class RedactedCause extends RuntimeException {

    private RedactedCause(Throwable original) {
        super(original.getClass().getName() + " (message withheld: it may quote patient data)");
        setStackTrace(original.getStackTrace());
    }

    public static RedactedCause of(Throwable original) {
        return new RedactedCause(original);
    }
}
