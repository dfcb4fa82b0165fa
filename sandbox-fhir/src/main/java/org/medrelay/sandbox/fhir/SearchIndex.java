package org.medrelay.sandbox.fhir;

import java.time.LocalDate;
import java.util.Set;

/** The search-parameter values of one resource version, as they are written to the index tables. */
record SearchIndex(Set<IdentifierToken> identifiers, Set<ReferenceTarget> references, Set<StringValue> strings,
                   Set<DateSpan> dates) {

    /** An identifier token; {@code system} is "" when the identifier has none. */
    record IdentifierToken(String system, String value) {
    }

    /** A reference search value: {@code parameter} (patient, subject, beneficiary) points at type/id. */
    record ReferenceTarget(String parameter, String targetType, String targetId) {
    }

    /** A string search value (family, given, name): as written, and as {@link SearchText#normalize} makes it. */
    record StringValue(String parameter, String normalized, String exact) {
    }

    /** A date search value (birthdate) as the days it covers, both inclusive. */
    record DateSpan(String parameter, LocalDate firstDay, LocalDate lastDay) {
    }

    static final SearchIndex EMPTY = new SearchIndex(Set.of(), Set.of(), Set.of(), Set.of());
}
