package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.param.ParamPrefixEnum;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A search against one resource type, in FHIR's shape: each list is an AND of OR-groups
 * ({@code identifier=a,b&identifier=c} is (a OR b) AND c).
 *
 * @param ids          {@code _id} values
 * @param identifiers  {@code identifier} tokens
 * @param references   reference parameter name (patient, subject, beneficiary) to its groups
 * @param strings      string parameter name (family, given, name) to its groups
 * @param dates        date parameter name (birthdate) to its groups
 * @param updatedFrom  inclusive lower bound of {@code _lastUpdated}, or null
 * @param updatedTo    inclusive upper bound of {@code _lastUpdated}, or null
 */
record SearchCriteria(
        List<List<String>> ids,
        List<List<IdentifierMatch>> identifiers,
        Map<String, List<List<ReferenceMatch>>> references,
        Map<String, List<List<StringMatch>>> strings,
        Map<String, List<List<DateMatch>>> dates,
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

    /** One string value: starts with {@code value} ignoring case and accents, or equals it exactly ({@code :exact}). */
    record StringMatch(String value, boolean exact) {
    }

    /**
     * One date value, as the days it covers, with its prefix: eq (the resource's date lies within those days),
     * ge/gt (its date reaches the first day / passes the last), le/lt (it reaches the last day / starts before the first).
     */
    record DateMatch(ParamPrefixEnum prefix, LocalDate firstDay, LocalDate lastDay) {
    }

    SearchCriteria {
        ids = List.copyOf(ids);
        identifiers = List.copyOf(identifiers);
        references = Map.copyOf(references);
        strings = Map.copyOf(strings);
        dates = Map.copyOf(dates);
    }

    boolean isEmpty() {
        return ids.isEmpty() && identifiers.isEmpty() && references.isEmpty() && strings.isEmpty() && dates.isEmpty()
                && updatedFrom == null && updatedTo == null;
    }
}
