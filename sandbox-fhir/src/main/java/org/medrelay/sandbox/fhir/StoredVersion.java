package org.medrelay.sandbox.fhir;

import java.time.Instant;

/** One version of a resource as the store holds it; {@code json} is null when the version is a deletion. */
record StoredVersion(String resourceType, String resourceId, long versionId, Instant lastUpdated, String json) {

    boolean isDeletion() {
        return json == null;
    }

    String reference() {
        return resourceType + "/" + resourceId + "/_history/" + versionId;
    }
}
