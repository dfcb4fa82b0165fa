package org.medrelay.processors.fax;

/** OCR of a page failed: the engine is missing, timed out or exited with an error. Carries no page text. */
public final class OcrException extends Exception {

    public OcrException(String message) {
        super(message);
    }

    public OcrException(String message, Throwable cause) {
        super(message, cause);
    }
}
