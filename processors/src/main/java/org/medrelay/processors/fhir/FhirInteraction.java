package org.medrelay.processors.fhir;

/** What a conditional write did on the EHR, as its status code says (201 created, 200 otherwise). */
public enum FhirInteraction {
    /** A new resource (201 Created). */
    CREATE,
    /** An existing resource updated (a PUT answered 200). */
    UPDATE,
    /** A conditional create that matched an existing resource: nothing was written (a POST answered 200). */
    MATCH
}
