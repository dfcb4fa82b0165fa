package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Identifier;
import org.medrelay.sandbox.fhir.SearchIndex.IdentifierToken;
import org.medrelay.sandbox.fhir.SearchIndex.ReferenceTarget;
import org.medrelay.sandbox.fhir.SearchParameterCatalog.ReferencePath;

import java.util.LinkedHashSet;
import java.util.Set;

/** Reads the identifier and patient/subject/beneficiary search values out of a resource. */
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
        return new SearchIndex(identifiers(terser, resourceType, resource), references(terser, resourceType, resource));
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
}
