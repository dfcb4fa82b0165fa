package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.medrelay.sandbox.fhir.SearchIndex.DateSpan;
import org.medrelay.sandbox.fhir.SearchIndex.IdentifierToken;
import org.medrelay.sandbox.fhir.SearchIndex.ReferenceTarget;
import org.medrelay.sandbox.fhir.SearchIndex.StringValue;
import org.medrelay.sandbox.fhir.SearchParameterCatalog.ReferencePath;
import org.medrelay.sandbox.fhir.SearchParameterCatalog.ValuePath;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the identifier, patient/subject/beneficiary, family/given/name and birthdate search values out of a resource. */
final class SearchIndexExtractor {

    /** Matches the width of the identifier columns in V1__fhir_resource_store.sql. */
    static final int MAX_TOKEN_LENGTH = 1024;

    /** Matches the width of the id columns; FHIR ids are at most 64 characters anyway. */
    private static final int MAX_ID_LENGTH = 64;

    private final FhirContext fhirContext;
    private final SearchParameterCatalog catalog;

    SearchIndexExtractor(FhirContext fhirContext, SearchParameterCatalog catalog) {
        this.fhirContext = fhirContext;
        this.catalog = catalog;
    }

    SearchIndex extract(String resourceType, IBaseResource resource) {
        FhirTerser terser = fhirContext.newTerser();
        return new SearchIndex(identifiers(terser, resourceType, resource), references(terser, resourceType, resource),
                strings(terser, resourceType, resource), dates(terser, resourceType, resource));
    }

    private Set<IdentifierToken> identifiers(FhirTerser terser, String resourceType, IBaseResource resource) {
        Set<IdentifierToken> tokens = new LinkedHashSet<>();
        for (String path : catalog.identifierPaths(resourceType)) {
            for (Identifier identifier : terser.getValues(resource, path, Identifier.class)) {
                if (!identifier.hasValue()) {
                    continue;
                }
                String system = identifier.hasSystem() ? identifier.getSystem() : "";
                if (system.length() > MAX_TOKEN_LENGTH || identifier.getValue().length() > MAX_TOKEN_LENGTH) {
                    // The value itself is PHI: say which element, never what it holds.
                    throw new UnprocessableEntityException("An identifier at " + path + " has a system or value longer than "
                            + MAX_TOKEN_LENGTH + " characters, which the sandbox cannot index");
                }
                tokens.add(new IdentifierToken(system, identifier.getValue()));
            }
        }
        return tokens;
    }

    private Set<ReferenceTarget> references(FhirTerser terser, String resourceType, IBaseResource resource) {
        Set<ReferenceTarget> targets = new LinkedHashSet<>();
        for (ReferencePath path : catalog.referencePaths(resourceType)) {
            for (IBaseReference reference : terser.getValues(resource, path.elementPath(), IBaseReference.class)) {
                IIdType target = reference.getReferenceElement();
                // Contained (#id), logical (identifier-only) and urn:uuid references name no stored resource.
                if (target == null || !target.hasIdPart() || !target.hasResourceType() || target.isLocal()
                        || target.getIdPart().length() > MAX_ID_LENGTH) {
                    continue;
                }
                if (path.targetType() == null || path.targetType().equals(target.getResourceType())) {
                    targets.add(new ReferenceTarget(path.parameter(), target.getResourceType(), target.getIdPart()));
                }
            }
        }
        return targets;
    }

    private Set<StringValue> strings(FhirTerser terser, String resourceType, IBaseResource resource) {
        Set<StringValue> values = new LinkedHashSet<>();
        for (ValuePath path : catalog.stringPaths(resourceType)) {
            for (IBase element : terser.getValues(resource, path.elementPath())) {
                for (String text : textsOf(element)) {
                    if (text.length() > MAX_TOKEN_LENGTH) {
                        throw new UnprocessableEntityException("A value at " + path.elementPath() + " is longer than "
                                + MAX_TOKEN_LENGTH + " characters, which the sandbox cannot index");
                    }
                    values.add(new StringValue(path.parameter(), SearchText.normalize(text), text));
                }
            }
        }
        return values;
    }

    /**
     * A string element is its value; a HumanName (the {@code name} parameter) is every part of it, as R4 says
     * a string search on a HumanName matches family, given, prefix, suffix or text.
     */
    private static List<String> textsOf(IBase element) {
        List<String> texts = new ArrayList<>();
        if (element instanceof HumanName name) {
            if (name.hasFamily()) {
                texts.add(name.getFamily());
            }
            name.getGiven().forEach(part -> texts.add(part.getValue()));
            name.getPrefix().forEach(part -> texts.add(part.getValue()));
            name.getSuffix().forEach(part -> texts.add(part.getValue()));
            if (name.hasText()) {
                texts.add(name.getText());
            }
        } else if (element instanceof IPrimitiveType<?> primitive) {
            texts.add(primitive.getValueAsString());
        }
        texts.removeIf(text -> text == null || text.isBlank());
        return texts;
    }

    private Set<DateSpan> dates(FhirTerser terser, String resourceType, IBaseResource resource) {
        Set<DateSpan> spans = new LinkedHashSet<>();
        for (ValuePath path : catalog.datePaths(resourceType)) {
            for (BaseDateTimeType date : terser.getValues(resource, path.elementPath(), BaseDateTimeType.class)) {
                if (date.getValue() != null) {
                    SearchDates.Span span = SearchDates.spanOf(date);
                    spans.add(new DateSpan(path.parameter(), span.firstDay(), span.lastDay()));
                }
            }
        }
        return spans;
    }
}
