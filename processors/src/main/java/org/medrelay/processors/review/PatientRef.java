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

    public PatientRef {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(pseudonymKey, "pseudonymKey");
        if (!reference.startsWith("Patient/") || reference.length() <= "Patient/".length()) {
            throw new IllegalArgumentException("A patient reference looks like Patient/<id>");
        }
        if (pseudonymKey.isBlank()) {
            throw new IllegalArgumentException("A patient needs a pseudonymous key for logs");
        }
    }

    @Override
    public String toString() {
        return "patient " + pseudonymKey;
    }
}
