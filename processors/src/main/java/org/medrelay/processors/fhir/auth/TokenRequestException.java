package org.medrelay.processors.fhir.auth;

import java.net.URI;

/**
 * The token endpoint refused the request or could not be reached. Carries the OAuth error code
 * (RFC 6749 section 5.2: {@code invalid_client}, {@code invalid_grant}, {@code invalid_scope}, ...) so an
 * operator can tell a wrong secret from a missing scope; never the secret, the assertion or a token.
 */
public class TokenRequestException extends FhirAuthException {

    private static final long serialVersionUID = 1L;

    private final URI tokenUrl;
    private final int httpStatus;
    private final String error;
    private final String errorDescription;

    /** The endpoint answered with an error (or with something that is not a token response). */
    public TokenRequestException(URI tokenUrl, int httpStatus, String error, String errorDescription) {
        super(describe(tokenUrl, httpStatus, error, errorDescription));
        this.tokenUrl = tokenUrl;
        this.httpStatus = httpStatus;
        this.error = error;
        this.errorDescription = errorDescription;
    }

    /** The endpoint could not be reached or its answer not read. */
    public TokenRequestException(URI tokenUrl, String problem, Throwable cause) {
        super("token request to " + tokenUrl + " failed: " + problem, cause);
        this.tokenUrl = tokenUrl;
        this.httpStatus = 0;
        this.error = null;
        this.errorDescription = null;
    }

    private static String describe(URI tokenUrl, int httpStatus, String error, String errorDescription) {
        StringBuilder message = new StringBuilder("token request to ").append(tokenUrl)
                .append(" failed: HTTP ").append(httpStatus);
        if (error != null) {
            message.append(", error ").append(error);
        }
        if (errorDescription != null) {
            message.append(" (").append(errorDescription).append(')');
        }
        return message.toString();
    }

    public URI tokenUrl() {
        return tokenUrl;
    }

    /** 0 when no HTTP answer was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The OAuth {@code error} code, or null when the endpoint sent none. */
    public String error() {
        return error;
    }

    /** The OAuth {@code error_description}, or null. */
    public String errorDescription() {
        return errorDescription;
    }
}
