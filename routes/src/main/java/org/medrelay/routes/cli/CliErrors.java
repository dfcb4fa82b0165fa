package org.medrelay.routes.cli;

import org.medrelay.mappings.hl7v2.Hl7InputException;

import java.nio.file.NoSuchFileException;

/** Exit codes and one-line reasons, so a script can tell what failed without reading a stack trace. */
final class CliErrors {

    static final int EXIT_OK = 0;
    /** The input was refused or the operation failed. */
    static final int EXIT_FAILURE = 1;
    /** A peer (MLLP listener, store) could not be reached. */
    static final int EXIT_UNREACHABLE = 3;

    private CliErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof Hl7InputException input) {
            String where = input.location().isEmpty() ? "" : " at " + input.location();
            return input.getMessage() + " (HL7 error " + input.getErrorCode().getCode() + where + ")";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
