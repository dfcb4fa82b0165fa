package org.medrelay.processors.fhir.auth;

/** Where the client secret goes in the token request ({@code medrelay.fhir.auth.client-auth}). */
public enum ClientSecretMethod {

    /** {@code client_secret_basic}: HTTP Basic authentication, which RFC 6749 section 2.3.1 says servers MUST support. */
    BASIC("basic"),
    /** {@code client_secret_post}: client_id and client_secret as form parameters, for servers that want them there. */
    POST("post");

    private final String propertyValue;

    ClientSecretMethod(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    public String propertyValue() {
        return propertyValue;
    }

    static ClientSecretMethod fromPropertyValue(String value, String property) {
        for (ClientSecretMethod method : values()) {
            if (method.propertyValue.equals(value)) {
                return method;
            }
        }
        throw new FhirAuthConfigurationException(property + " must be basic or post, was " + value);
    }
}
