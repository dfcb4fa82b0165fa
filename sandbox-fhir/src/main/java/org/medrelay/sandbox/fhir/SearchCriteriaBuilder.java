package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.param.DateAndListParam;
import ca.uhn.fhir.rest.param.DateOrListParam;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.StringOrListParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.medrelay.sandbox.fhir.SearchCriteria.DateMatch;
import org.medrelay.sandbox.fhir.SearchCriteria.IdentifierMatch;
import org.medrelay.sandbox.fhir.SearchCriteria.ReferenceMatch;
import org.medrelay.sandbox.fhir.SearchCriteria.StringMatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns HAPI's parsed search parameters into {@link SearchCriteria}, rejecting with 400 what the sandbox
 * does not implement (modifiers, chains, parameters the type does not define) rather than ignoring it and
 * answering a wider search than was asked.
 */
final class SearchCriteriaBuilder {

    private static final Set<ParamPrefixEnum> RANGE_PREFIXES = Set.of(ParamPrefixEnum.EQUAL,
            ParamPrefixEnum.GREATERTHAN, ParamPrefixEnum.GREATERTHAN_OR_EQUALS,
            ParamPrefixEnum.LESSTHAN, ParamPrefixEnum.LESSTHAN_OR_EQUALS);

    private final String resourceType;
    private final SearchParameterCatalog catalog;
    private final List<List<String>> ids = new ArrayList<>();
    private final List<List<IdentifierMatch>> identifiers = new ArrayList<>();
    private final Map<String, List<List<ReferenceMatch>>> references = new LinkedHashMap<>();
    private final Map<String, List<List<StringMatch>>> strings = new LinkedHashMap<>();
    private final Map<String, List<List<DateMatch>>> dates = new LinkedHashMap<>();
    private Instant updatedFrom;
    private Instant updatedTo;

    SearchCriteriaBuilder(String resourceType, SearchParameterCatalog catalog) {
        this.resourceType = resourceType;
        this.catalog = catalog;
    }

    SearchCriteriaBuilder ids(TokenAndListParam and) {
        if (and == null) {
            return this;
        }
        for (TokenOrListParam or : and.getValuesAsQueryTokens()) {
            List<String> group = new ArrayList<>();
            for (TokenParam token : or.getValuesAsQueryTokens()) {
                requireNoModifier(SearchParameterCatalog.ID, token);
                group.add(token.getValue());
            }
            ids.add(group);
        }
        return this;
    }

    SearchCriteriaBuilder identifiers(TokenAndListParam and) {
        if (and == null) {
            return this;
        }
        requireSupported(SearchParameterCatalog.IDENTIFIER);
        for (TokenOrListParam or : and.getValuesAsQueryTokens()) {
            List<IdentifierMatch> group = new ArrayList<>();
            for (TokenParam token : or.getValuesAsQueryTokens()) {
                requireNoModifier(SearchParameterCatalog.IDENTIFIER, token);
                group.add(identifierMatch(token));
            }
            identifiers.add(group);
        }
        return this;
    }

    /** {@code sys|val}, {@code |val} (no system), {@code val} (any system) and {@code sys|} (any value). */
    private static IdentifierMatch identifierMatch(TokenParam token) {
        String system = token.getSystem();
        String value = token.getValue() == null || token.getValue().isEmpty() ? null : token.getValue();
        if (value == null && (system == null || system.isEmpty())) {
            throw new InvalidRequestException("An identifier search needs a value, a system, or both");
        }
        return new IdentifierMatch(system, value);
    }

    SearchCriteriaBuilder references(String parameter, ReferenceAndListParam and) {
        if (and == null) {
            return this;
        }
        requireSupported(parameter);
        List<List<ReferenceMatch>> groups = references.computeIfAbsent(parameter, name -> new ArrayList<>());
        for (ReferenceOrListParam or : and.getValuesAsQueryTokens()) {
            List<ReferenceMatch> group = new ArrayList<>();
            for (ReferenceParam reference : or.getValuesAsQueryTokens()) {
                group.add(referenceMatch(parameter, reference));
            }
            groups.add(group);
        }
        return this;
    }

    private static ReferenceMatch referenceMatch(String parameter, ReferenceParam reference) {
        if (reference.getChain() != null || reference.getMissing() != null) {
            throw new InvalidRequestException("The sandbox does not support chained or :missing searches on " + parameter);
        }
        if (reference.getIdPart() == null || reference.getIdPart().isEmpty()) {
            throw new InvalidRequestException("A " + parameter + " search needs a resource id, e.g. Patient/123");
        }
        return new ReferenceMatch(reference.getResourceType(), reference.getIdPart());
    }

    /** family, given, name: "starts with" ignoring case and accents, or {@code :exact}; {@code :contains} is refused. */
    SearchCriteriaBuilder strings(String parameter, StringAndListParam and) {
        if (and == null) {
            return this;
        }
        requireSupported(parameter);
        List<List<StringMatch>> groups = strings.computeIfAbsent(parameter, name -> new ArrayList<>());
        for (StringOrListParam or : and.getValuesAsQueryTokens()) {
            List<StringMatch> group = new ArrayList<>();
            for (StringParam value : or.getValuesAsQueryTokens()) {
                if (value.isContains() || value.getMissing() != null) {
                    throw new InvalidRequestException("The sandbox supports " + parameter + " and " + parameter
                            + ":exact, not :contains or :missing");
                }
                if (value.getValue() == null || value.getValue().isBlank()) {
                    throw new InvalidRequestException("A " + parameter + " search needs a value");
                }
                group.add(new StringMatch(value.getValue(), value.isExact()));
            }
            groups.add(group);
        }
        return this;
    }

    /** birthdate: eq (the default), ge, gt, le and lt, on whole days. */
    SearchCriteriaBuilder dates(String parameter, DateAndListParam and) {
        if (and == null) {
            return this;
        }
        requireSupported(parameter);
        List<List<DateMatch>> groups = dates.computeIfAbsent(parameter, name -> new ArrayList<>());
        for (DateOrListParam or : and.getValuesAsQueryTokens()) {
            List<DateMatch> group = new ArrayList<>();
            for (DateParam value : or.getValuesAsQueryTokens()) {
                ParamPrefixEnum prefix = value.getPrefix() == null ? ParamPrefixEnum.EQUAL : value.getPrefix();
                if (!RANGE_PREFIXES.contains(prefix) || value.getMissing() != null) {
                    throw new InvalidRequestException("The sandbox supports eq, gt, ge, lt and le on " + parameter + ", not "
                            + (value.getMissing() != null ? ":missing" : prefix.getValue()));
                }
                if (value.getValueAsString() == null || value.getValueAsString().isEmpty()) {
                    throw new InvalidRequestException("A " + parameter + " search needs a date");
                }
                SearchDates.Span span = SearchDates.spanOf(value.getValueAsString());
                group.add(new DateMatch(prefix, span.firstDay(), span.lastDay()));
            }
            groups.add(group);
        }
        return this;
    }

    SearchCriteriaBuilder lastUpdated(DateRangeParam range) {
        if (range == null || range.isEmpty()) {
            return this;
        }
        for (DateParam bound : range.getValuesAsQueryTokens()) {
            if (bound.getPrefix() != null && !RANGE_PREFIXES.contains(bound.getPrefix())) {
                throw new InvalidRequestException("The sandbox supports eq, gt, ge, lt and le on _lastUpdated, not "
                        + bound.getPrefix().getValue());
            }
        }
        updatedFrom = range.getLowerBoundAsInstant() == null ? null : range.getLowerBoundAsInstant().toInstant();
        updatedTo = range.getUpperBoundAsInstant() == null ? null : range.getUpperBoundAsInstant().toInstant();
        return this;
    }

    SearchCriteria build() {
        return new SearchCriteria(ids, identifiers, references, strings, dates, updatedFrom, updatedTo);
    }

    private void requireSupported(String parameter) {
        if (!catalog.supports(resourceType, parameter)) {
            throw new InvalidRequestException("Search parameter " + parameter + " is not defined for " + resourceType
                    + " in FHIR R4 or not supported by the sandbox");
        }
    }

    private static void requireNoModifier(String parameter, TokenParam token) {
        if (token.getModifier() != null || token.isText()) {
            throw new InvalidRequestException("The sandbox does not support modifiers on " + parameter);
        }
    }
}
