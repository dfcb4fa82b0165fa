package org.medrelay.processors.fhir.auth;

/** How MedRelay authenticates to the EHR's FHIR API ({@code medrelay.fhir.auth.type}). */
public enum FhirAuthType {

    /** No Authorization header: the sandbox EHR, or an EHR reached through a trusted network only. */
    NONE("none"),
    /** OAuth2 client credentials grant (RFC 6749 section 4.4) with a client secret. */
    CLIENT_CREDENTIALS("client-credentials"),
    /** SMART App Launch v2 Backend Services: client credentials with a signed JWT instead of a secret. */
    SMART_BACKEND_SERVICES("smart-backend-services");

    private final String propertyValue;

    FhirAuthType(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    public String propertyValue() {
        return propertyValue;
    }

    static FhirAuthType fromPropertyValue(String value, String property) {
        for (FhirAuthType type : values()) {
            if (type.propertyValue.equals(value)) {
                return type;
            }
        }
        throw new FhirAuthConfigurationException(property + " must be none, client-credentials or smart-backend-services, was " + value);
    }
}
