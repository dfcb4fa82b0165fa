package org.medrelay.mappings.fhir;

import org.medrelay.mappings.hl7v2.Hl7Segment;

import java.util.List;
import java.util.Optional;

/**
 * What every rule of one message may read: its segments, the settings, and the resources being
 * built (for references between them).
 *
 * @param facility   sending facility (MSH-4, else MSH-3), the default authority of its identifiers
 * @param messageKey MSH-10, or a digest of the content when MSH-10 is empty: stable on replay
 */
record MessageContext(List<Hl7Segment> segments, MappingSettings settings, String facility, String messageKey,
                      List<ResourceInstance> instances) {

    /**
     * The entry of {@code resourceType} that owns {@code from}: the nearest before it or built from the same segment
     * (an IN1's RelatedPerson for its Coverage), else the first.
     */
    Optional<ResourceInstance> owner(String resourceType, ResourceInstance from) {
        ResourceInstance nearest = null;
        ResourceInstance first = null;
        for (ResourceInstance candidate : instances) {
            if (candidate == from || !candidate.mapping().resourceType().equals(resourceType)) {
                continue;
            }
            if (first == null) {
                first = candidate;
            }
            if (candidate.primary() <= from.primary()) {
                nearest = candidate;
            }
        }
        return Optional.ofNullable(nearest != null ? nearest : first);
    }

    /** The entries of {@code resourceType} whose segments lie in the region of {@code owner}. */
    List<ResourceInstance> owned(String resourceType, ResourceInstance owner) {
        return instances.stream()
                .filter(i -> i.mapping().resourceType().equals(resourceType) && owner.owns(i))
                .toList();
    }
}
