package org.medrelay.processors.drafting;

/**
 * A drafting backend failed: a template that cannot be read or parsed, an endpoint that is down, answers an
 * HTTP error or something that is not a chat completion. Messages name the template, the endpoint and the HTTP
 * status, never the request or the reply (either may hold PHI).
 */
public class DraftingModelException extends RuntimeException {

    public DraftingModelException(String message) {
        super(message);
    }

    public DraftingModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
