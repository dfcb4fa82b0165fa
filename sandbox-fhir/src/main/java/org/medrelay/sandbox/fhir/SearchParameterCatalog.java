package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which search parameters the sandbox supports for each resource type, and which elements feed them.
 *
 * <p>Taken from the R4 search parameter definitions HAPI ships, so {@code Coverage?patient} follows
 * {@code Coverage.beneficiary} and {@code Observation?patient} follows {@code Observation.subject} only
 * where it points at a Patient, exactly as the specification defines them.
 */
final class SearchParameterCatalog {

    static final String ID = "_id";
    static final String LAST_UPDATED = "_lastUpdated";
    static final String IDENTIFIER = "identifier";
    static final String PATIENT = "patient";
    static final String SUBJECT = "subject";
    static final String BENEFICIARY = "beneficiary";
    static final String FAMILY = "family";
    static final String GIVEN = "given";
    static final String NAME = "name";
    static final String BIRTHDATE = "birthdate";

    /** The reference parameters the engine searches clinical and financial resources by. */
    static final List<String> REFERENCE_PARAMETERS = List.of(PATIENT, SUBJECT, BENEFICIARY);

    /** The string parameters a person is looked up by (fax intake: family name and birth date, as US Core asks). */
    static final List<String> STRING_PARAMETERS = List.of(FAMILY, GIVEN, NAME);

    static final List<String> DATE_PARAMETERS = List.of(BIRTHDATE);

    /**
     * The R4 expressions we can follow: a plain element path, optionally narrowed to one target type,
     * e.g. {@code Observation.subject.where(resolve() is Patient)}. Others (none today for these
     * parameters) leave the parameter unsupported for that type.
     */
    private static final Pattern FOLLOWABLE_PATH =
            Pattern.compile("([A-Za-z]+(?:\\.[A-Za-z]+)+)(?:\\.where\\(resolve\\(\\) is ([A-Za-z]+)\\))?");

    /** One element that a reference parameter indexes, with the target type it is restricted to (or null). */
    record ReferencePath(String parameter, String elementPath, String targetType) {
    }

    /** One element that a string or date parameter indexes, e.g. family at {@code Patient.name.family}. */
    record ValuePath(String parameter, String elementPath) {
    }

    private record TypeParameters(List<String> identifierPaths, List<ReferencePath> referencePaths,
                                  List<ValuePath> stringPaths, List<ValuePath> datePaths, Set<String> supported) {
    }

    private final Map<String, TypeParameters> byType;

    private SearchParameterCatalog(Map<String, TypeParameters> byType) {
        this.byType = byType;
    }

    static SearchParameterCatalog fromDefinitions(FhirContext fhirContext, Collection<String> resourceTypes) {
        Map<String, TypeParameters> byType = new HashMap<>();
        for (String type : resourceTypes) {
            byType.put(type, describe(fhirContext.getResourceDefinition(type)));
        }
        return new SearchParameterCatalog(byType);
    }

    private static TypeParameters describe(RuntimeResourceDefinition definition) {
        String type = definition.getName();
        Set<String> supported = new LinkedHashSet<>(List.of(ID, LAST_UPDATED));
        List<String> identifierPaths = new ArrayList<>();
        RuntimeSearchParam identifier = definition.getSearchParam(IDENTIFIER);
        if (identifier != null && identifier.getParamType() == RestSearchParameterTypeEnum.TOKEN) {
            identifierPaths.addAll(identifier.getPathsSplitForResourceType(type));
            supported.add(IDENTIFIER);
        }
        List<ReferencePath> referencePaths = new ArrayList<>();
        for (String name : REFERENCE_PARAMETERS) {
            RuntimeSearchParam parameter = definition.getSearchParam(name);
            if (parameter == null || parameter.getParamType() != RestSearchParameterTypeEnum.REFERENCE) {
                continue;
            }
            List<ReferencePath> paths = followablePaths(name, parameter.getPathsSplitForResourceType(type));
            if (!paths.isEmpty()) {
                referencePaths.addAll(paths);
                supported.add(name);
            }
        }
        List<ValuePath> stringPaths = valuePaths(definition, STRING_PARAMETERS, RestSearchParameterTypeEnum.STRING, supported);
        List<ValuePath> datePaths = valuePaths(definition, DATE_PARAMETERS, RestSearchParameterTypeEnum.DATE, supported);
        return new TypeParameters(List.copyOf(identifierPaths), List.copyOf(referencePaths), stringPaths, datePaths,
                Set.copyOf(supported));
    }

    /** The parameters of {@code names} the type defines with that type and plain element paths; adds them to supported. */
    private static List<ValuePath> valuePaths(RuntimeResourceDefinition definition, List<String> names,
                                              RestSearchParameterTypeEnum parameterType, Set<String> supported) {
        List<ValuePath> paths = new ArrayList<>();
        for (String name : names) {
            RuntimeSearchParam parameter = definition.getSearchParam(name);
            if (parameter == null || parameter.getParamType() != parameterType) {
                continue;
            }
            List<ReferencePath> followable = followablePaths(name, parameter.getPathsSplitForResourceType(definition.getName()));
            if (!followable.isEmpty() && followable.stream().allMatch(path -> path.targetType() == null)) {
                followable.forEach(path -> paths.add(new ValuePath(name, path.elementPath())));
                supported.add(name);
            }
        }
        return List.copyOf(paths);
    }

    private static List<ReferencePath> followablePaths(String parameter, List<String> expressions) {
        List<ReferencePath> paths = new ArrayList<>();
        for (String expression : expressions) {
            Matcher matcher = FOLLOWABLE_PATH.matcher(expression.trim());
            if (!matcher.matches()) {
                return List.of();
            }
            paths.add(new ReferencePath(parameter, matcher.group(1), matcher.group(2)));
        }
        return paths;
    }

    List<String> identifierPaths(String resourceType) {
        return parameters(resourceType).identifierPaths();
    }

    List<ReferencePath> referencePaths(String resourceType) {
        return parameters(resourceType).referencePaths();
    }

    List<ValuePath> stringPaths(String resourceType) {
        return parameters(resourceType).stringPaths();
    }

    List<ValuePath> datePaths(String resourceType) {
        return parameters(resourceType).datePaths();
    }

    /** Whether the type has values in the string or date index, which the tables of V2 added. */
    boolean hasStringOrDateParameters(String resourceType) {
        TypeParameters parameters = parameters(resourceType);
        return !parameters.stringPaths().isEmpty() || !parameters.datePaths().isEmpty();
    }

    boolean supports(String resourceType, String parameter) {
        TypeParameters parameters = byType.get(resourceType);
        return parameters != null && parameters.supported().contains(parameter);
    }

    private TypeParameters parameters(String resourceType) {
        TypeParameters parameters = byType.get(resourceType);
        if (parameters == null) {
            throw new IllegalArgumentException("Resource type not served by the sandbox: " + resourceType);
        }
        return parameters;
    }
}
