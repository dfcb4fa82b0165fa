package org.medrelay.sandbox.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A search against one resource type, in FHIR's shape: each list is an AND of OR-groups
 * ({@code identifier=a,b&identifier=c} is (a OR b) AND c).
 *
 * @param ids          {@code _id} values
 * @param identifiers  {@code identifier} tokens
 * @param references   reference parameter name (patient, subject, beneficiary) to its groups
 * @param updatedFrom  inclusive lower bound of {@code _lastUpdated}, or null
 * @param updatedTo    inclusive upper bound of {@code _lastUpdated}, or null
 */
record SearchCriteria(
        List<List<String>> ids,
        List<List<IdentifierMatch>> identifiers,
        Map<String, List<List<ReferenceMatch>>> references,
        Instant updatedFrom,
        Instant updatedTo) {

    /**
     * One identifier token: {@code system} null matches any system, "" matches identifiers without one
     * ({@code |value}); {@code value} null matches any value in the system ({@code system|}).
     */
    record IdentifierMatch(String system, String value) {
    }

    /** One reference value: {@code targetType} null matches a target of any type with that id. */
    record ReferenceMatch(String targetType, String targetId) {
    }

    SearchCriteria {
        ids = List.copyOf(ids);
        identifiers = List.copyOf(identifiers);
        references = Map.copyOf(references);
    }

    boolean isEmpty() {
        return ids.isEmpty() && identifiers.isEmpty() && references.isEmpty() && updatedFrom == null && updatedTo == null;
    }
}
