package org.medrelay.mappings.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import java.util.List;

/** Reads a mapped bundle the way a reviewer does: by resource type. */
final class Bundles {

    private Bundles() {
    }

    static <T extends Resource> T only(Bundle bundle, Class<T> type) {
        List<T> all = all(bundle, type);
        if (all.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", found " + all.size());
        }
        return all.get(0);
    }

    static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).toList();
    }

    static Bundle.BundleEntryComponent entryOf(Bundle bundle, Resource resource) {
        return bundle.getEntry().stream().filter(e -> e.getResource() == resource).findFirst().orElseThrow();
    }

    static String fullUrlOf(Bundle bundle, Resource resource) {
        return entryOf(bundle, resource).getFullUrl();
    }

    static List<String> requestUrls(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()).toList();
    }
}
