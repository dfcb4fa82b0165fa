package org.medrelay.routes.cli;

import org.medrelay.mappings.hl7v2.Hl7InputException;

import javax.net.ssl.SSLException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertPathBuilderException;

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

    /**
     * A failed TLS handshake in words a person can act on. The JDK's own message for an untrusted certificate
     * names internal classes ("PKIX path building failed: sun.security.provider.certpath...").
     */
    static String describeTls(SSLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathBuilderException) {
                return "the listener's certificate is not trusted (give its certificate or CA with --truststore)";
            }
        }
        String message = describe(e).replace('\n', ' ');
        if (message.contains("certificate_required") || message.contains("bad_certificate")
                || message.contains("certificate_unknown") || message.contains("unknown_ca")) {
            return "the listener refused this sender's certificate, or its absence (" + message
                    + "); give one it trusts with --keystore";
        }
        return message;
    }
}
