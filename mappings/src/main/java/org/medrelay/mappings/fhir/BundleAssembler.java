package org.medrelay.mappings.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the built resources into a transaction bundle: each entry a conditional update on its first
 * identifier (so replaying a message updates instead of duplicating), its fullUrl the
 * {@code urn:uuid} other entries reference. Two resources with the same conditional URL in one
 * message (a PID repeated in a batch query response) would make the transaction fail, so the first
 * is kept and references to the others are pointed at it.
 */
final class BundleAssembler {

    record Built(ResourceInstance instance, Resource resource, Identifier key) {
    }

    private final FhirContext fhir;

    BundleAssembler(FhirContext fhir) {
        this.fhir = fhir;
    }

    Bundle assemble(List<Built> built) {
        Map<String, Built> byUrl = new LinkedHashMap<>();
        Map<String, String> replacedFullUrls = new HashMap<>();
        for (Built entry : built) {
            String url = ConditionalUrls.byIdentifier(entry.resource().fhirType(), entry.key().getSystem(),
                    entry.key().getValue());
            Built kept = byUrl.putIfAbsent(url, entry);
            if (kept != null) {
                replacedFullUrls.put(entry.instance().fullUrl(), kept.instance().fullUrl());
            }
        }
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.TRANSACTION);
        byUrl.forEach((url, entry) -> {
            redirect(entry.resource(), replacedFullUrls);
            bundle.addEntry()
                    .setFullUrl(entry.instance().fullUrl())
                    .setResource(entry.resource())
                    .getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
        });
        return bundle;
    }

    private void redirect(Resource resource, Map<String, String> replacedFullUrls) {
        if (replacedFullUrls.isEmpty()) {
            return;
        }
        for (Reference reference : fhir.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            String target = replacedFullUrls.get(reference.getReference());
            if (target != null) {
                reference.setReference(target);
            }
        }
    }
}
