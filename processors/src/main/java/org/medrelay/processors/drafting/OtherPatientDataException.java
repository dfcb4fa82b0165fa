package org.medrelay.processors.drafting;

/**
 * A resource offered to a patient's context that belongs to another patient, or whose patient cannot be told.
 * The message names the resource type and the element, never a value: it may reach a log.
 */
public final class OtherPatientDataException extends IllegalArgumentException {

    public OtherPatientDataException(String message) {
        super(message);
    }
}
