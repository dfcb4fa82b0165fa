package org.medrelay.processors.fhir;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.medrelay.mappings.hl7v2.RedactedCause;
import org.medrelay.processors.fhir.auth.FhirAuthException;

/**
 * A request to the EHR failed. HAPI's own exceptions quote the request URL, and a conditional update's URL carries
 * the patient's identifier ({@code PUT Patient?identifier=...|MRN}); an EHR's error may quote the resource it
 * refused. This exception says only what a person needs to act: the resource type, the HTTP status or the kind of
 * failure. It is what Camel's redelivery log, the dead-letter store's reason and `errors list` show. The original
 * stays as a {@link RedactedCause}: its type and stack trace, without its message.
 */
public final class EhrWriteException extends RuntimeException {

    private final Integer httpStatus;

    private EhrWriteException(String message, Integer httpStatus, Throwable original) {
        super(message, RedactedCause.of(original));
        this.httpStatus = httpStatus;
    }

    static EhrWriteException of(String resourceType, FhirInteraction attempted, RuntimeException original) {
        String what = "EHR " + attempted.name().toLowerCase(java.util.Locale.ROOT) + " of " + resourceType + " failed: ";
        if (original instanceof FhirClientConnectionException) {
            return new EhrWriteException(what + "EHR unreachable (" + rootCauseName(original) + ")", null, original);
        }
        if (original instanceof BaseServerResponseException response) {
            return new EhrWriteException(what + "EHR answered HTTP " + response.getStatusCode(),
                    response.getStatusCode(), original);
        }
        if (original instanceof FhirAuthException auth) {
            // Names the token URL and the OAuth error code, never a secret or a token.
            return new EhrWriteException(what + auth.getMessage(), null, original);
        }
        return new EhrWriteException(what + original.getClass().getSimpleName(), null, original);
    }

    /** The EHR's HTTP status, or null when it gave none (unreachable, timed out, not authenticated). */
    public Integer httpStatus() {
        return httpStatus;
    }

    private static String rootCauseName(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
