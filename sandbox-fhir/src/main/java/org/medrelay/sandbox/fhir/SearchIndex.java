package org.medrelay.sandbox.fhir;

import java.util.Set;

/** The search-parameter values of one resource version, as they are written to the index tables. */
record SearchIndex(Set<IdentifierToken> identifiers, Set<ReferenceTarget> references) {

    /** An identifier token; {@code system} is "" when the identifier has none. */
    record IdentifierToken(String system, String value) {
    }

    /** A reference search value: {@code parameter} (patient, subject, beneficiary) points at type/id. */
    record ReferenceTarget(String parameter, String targetType, String targetId) {
    }

    static final SearchIndex EMPTY = new SearchIndex(Set.of(), Set.of());
}
