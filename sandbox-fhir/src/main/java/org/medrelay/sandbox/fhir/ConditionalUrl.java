package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.IQueryParameterAnd;
import ca.uhn.fhir.rest.api.QualifiedParamList;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.UrlUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the search of a conditional create ({@code If-None-Exist: identifier=sys|val}) or conditional update
 * ({@code PUT Patient?identifier=sys|val}) into {@link SearchCriteria}.
 *
 * <p>Accepts {@code _id}, {@code identifier} and the reference parameters the type defines. Anything else is
 * rejected: silently dropping a parameter would widen the match and could update the wrong resource.
 */
final class ConditionalUrl {

    private final FhirContext fhirContext;
    private final SearchParameterCatalog catalog;

    ConditionalUrl(FhirContext fhirContext, SearchParameterCatalog catalog) {
        this.fhirContext = fhirContext;
        this.catalog = catalog;
    }

    /**
     * @param url either a bare query ({@code identifier=a|b}) or one prefixed by the type
     *            ({@code Patient?identifier=a|b}), as HAPI hands it over
     */
    SearchCriteria parse(String resourceType, String url) {
        int question = url.indexOf('?');
        String query = question < 0 ? url : url.substring(question + 1);
        if (question > 0) {
            requireSameType(resourceType, url.substring(0, question));
        }
        SearchCriteriaBuilder builder = new SearchCriteriaBuilder(resourceType, catalog);
        for (Map.Entry<String, String[]> parameter : UrlUtil.parseQueryString(query).entrySet()) {
            String name = parameter.getKey();
            List<QualifiedParamList> values = valuesOf(parameter.getValue());
            if (SearchParameterCatalog.ID.equals(name)) {
                builder.ids(parsed(new TokenAndListParam(), name, values));
            } else if (SearchParameterCatalog.IDENTIFIER.equals(name)) {
                builder.identifiers(parsed(new TokenAndListParam(), name, values));
            } else if (SearchParameterCatalog.REFERENCE_PARAMETERS.contains(name)) {
                builder.references(name, parsed(new ReferenceAndListParam(), name, values));
            } else {
                throw new InvalidRequestException("Conditional " + resourceType + " writes support _id, identifier, patient,"
                        + " subject and beneficiary; not " + name);
            }
        }
        SearchCriteria criteria = builder.build();
        if (criteria.isEmpty()) {
            throw new InvalidRequestException("A conditional " + resourceType + " write needs search criteria");
        }
        return criteria;
    }

    private static void requireSameType(String resourceType, String path) {
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        if (!lastSegment.equals(resourceType)) {
            throw new InvalidRequestException("Conditional URL names " + lastSegment + " but the request is for " + resourceType);
        }
    }

    private static List<QualifiedParamList> valuesOf(String[] repeats) {
        List<QualifiedParamList> values = new ArrayList<>();
        for (String repeat : repeats) {
            values.add(QualifiedParamList.splitQueryStringByCommasIgnoreEscape(null, repeat));
        }
        return values;
    }

    private <P extends IQueryParameterAnd<?>> P parsed(P parameter, String name, List<QualifiedParamList> values) {
        parameter.setValuesAsQueryTokens(fhirContext, name, values);
        return parameter;
    }
}
