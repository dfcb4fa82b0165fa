package org.medrelay.processors.fhir.auth;

/**
 * MedRelay could not obtain an access token for the EHR. Messages name the URL involved and what the
 * server said, never a secret, an assertion or a token.
 */
public class FhirAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FhirAuthException(String message) {
        super(message);
    }

    public FhirAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
