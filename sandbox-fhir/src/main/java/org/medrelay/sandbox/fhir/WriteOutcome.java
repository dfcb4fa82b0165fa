package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.api.MethodOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * What a write left behind: the resource as stored (null after a delete), its versioned id, and whether the
 * write created the resource (201) or changed or matched an existing one (200).
 */
record WriteOutcome(IBaseResource resource, IIdType versionedId, boolean created) {

    MethodOutcome toMethodOutcome() {
        MethodOutcome outcome = new MethodOutcome(versionedId);
        outcome.setResource(resource);
        outcome.setCreated(created);
        return outcome;
    }
}
