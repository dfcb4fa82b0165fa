package org.medrelay.processors.review;

/** How urgent a work item is; the values of FHIR R4 request-priority, so Task.priority carries them as they are. */
public enum WorkItemPriority {
    ROUTINE,
    URGENT,
    ASAP,
    STAT;

    /** The FHIR request-priority code: {@code routine}, {@code urgent}, {@code asap}, {@code stat}. */
    public String fhirCode() {
        return name().toLowerCase();
    }
}
