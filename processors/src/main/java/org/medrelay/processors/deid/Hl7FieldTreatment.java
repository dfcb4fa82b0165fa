package org.medrelay.processors.deid;

/** How one HL7v2 field is de-identified; deid/hl7v2-fields.tsv says which field gets which. */
enum Hl7FieldTreatment {
    NAME, PRACTITIONER, PRACTITIONER_NAME, PERSON, ORGANIZATION, ADDRESS, TELECOM, IDENTIFIER, ENTITY_ID,
    ENTITY_ID_PAIR, LICENSE, DATE, BIRTH_DATE, REMOVE, FREE_TEXT, OBSERVATION_VALUE, KEEP, ENVELOPE;

    /** Treatments that read the fields' types, run before any free text so the names they meet are known. */
    boolean isStructured() {
        return this != FREE_TEXT && this != OBSERVATION_VALUE && this != KEEP && this != ENVELOPE;
    }
}
