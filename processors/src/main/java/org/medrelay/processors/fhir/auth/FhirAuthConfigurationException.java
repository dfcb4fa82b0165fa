package org.medrelay.processors.fhir.auth;

/** The {@code medrelay.fhir.auth.*} properties are missing or inconsistent; the message names the property. */
public class FhirAuthConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public FhirAuthConfigurationException(String message) {
        super(message);
    }

    public FhirAuthConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
