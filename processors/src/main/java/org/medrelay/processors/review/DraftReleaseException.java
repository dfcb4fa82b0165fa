package org.medrelay.processors.review;

/**
 * A release the endpoint did not take. The message is stored with the item and names the endpoint and the
 * failure, never the draft's content.
 */
public class DraftReleaseException extends Exception {

    public DraftReleaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DraftReleaseException(String message) {
        super(message);
    }
}
