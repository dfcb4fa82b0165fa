package org.medrelay.processors.review;

import java.util.Objects;

/**
 * The patient a work item concerns.
 *
 * @param reference    the FHIR Patient in the EHR, e.g. {@code Patient/123}; the Task mirror's {@code for}
 * @param pseudonymKey a key that names the patient in logs without identifying them (e.g. the keyed hash the
 *                     ingest path groups a patient's messages by); {@link #toString()} shows only this
 */
public record PatientRef(String reference, String pseudonymKey) {

    /**
     * The reference of a patient nobody has identified yet (a fax whose patient the EHR match could not settle): the
     * work item waits for a person to find the chart; its key is then the document's own pseudonymous key.
     */
    public static final String UNIDENTIFIED = "";

    public PatientRef {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(pseudonymKey, "pseudonymKey");
        if (!reference.equals(UNIDENTIFIED)
                && (!reference.startsWith("Patient/") || reference.length() <= "Patient/".length())) {
            throw new IllegalArgumentException("A patient reference looks like Patient/<id>");
        }
        if (pseudonymKey.isBlank()) {
            throw new IllegalArgumentException("A patient needs a pseudonymous key for logs");
        }
    }

    /** A patient not identified yet, named in the audit trail by the key of what the item is about. */
    public static PatientRef unidentified(String pseudonymKey) {
        return new PatientRef(UNIDENTIFIED, pseudonymKey);
    }

    public boolean identified() {
        return !reference.equals(UNIDENTIFIED);
    }

    @Override
    public String toString() {
        return "patient " + pseudonymKey;
    }
}
