package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

import java.time.Instant;
import java.util.Date;

/** Stamps resources with their id and meta, and converts them to and from the stored JSON. */
final class ResourceJson {

    private final FhirContext fhirContext;

    ResourceJson(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    /** Sets the id, meta.versionId and meta.lastUpdated the server owns, whatever the client sent. */
    static void stamp(IBaseResource resource, String resourceType, String resourceId, long versionId, Instant lastUpdated) {
        String version = Long.toString(versionId);
        resource.setId(new IdType(resourceType, resourceId, version));
        resource.getMeta().setVersionId(version);
        resource.getMeta().setLastUpdated(Date.from(lastUpdated));
    }

    String encode(IBaseResource resource) {
        return parser().encodeResourceToString(resource);
    }

    IBaseResource decode(StoredVersion version) {
        IBaseResource resource = parser().parseResource(version.json());
        stamp(resource, version.resourceType(), version.resourceId(), version.versionId(), version.lastUpdated());
        return resource;
    }

    /** Parsers are cheap and not thread-safe: one per call. Stored content is kept exactly as written. */
    private IParser parser() {
        IParser parser = fhirContext.newJsonParser();
        parser.setStripVersionsFromReferences(false);
        parser.setOverrideResourceIdWithBundleEntryFullUrl(false);
        return parser;
    }
}
