package org.medrelay.processors.review;

import java.util.Objects;

/**
 * Something the person needs to decide: a FHIR resource in the EHR (the Coverage, the ClaimResponse), or a
 * document (the fax's DocumentReference, a payer letter).
 *
 * @param reference   {@code Coverage/12} for a FHIR resource; a DocumentReference or URL for a document
 * @param description what it is, for the person (e.g. "271 eligibility response")
 */
public record WorkItemLink(Kind kind, String reference, String description) {

    public enum Kind {
        /** A resource in the EHR, by relative reference (Type/id). */
        FHIR_RESOURCE,
        /** A document the person reads: a DocumentReference or a URL the console can open. */
        DOCUMENT
    }

    public WorkItemLink {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        description = description == null ? "" : description;
    }

    public static WorkItemLink fhir(String reference, String description) {
        return new WorkItemLink(Kind.FHIR_RESOURCE, reference, description);
    }

    public static WorkItemLink document(String reference, String description) {
        return new WorkItemLink(Kind.DOCUMENT, reference, description);
    }
}
