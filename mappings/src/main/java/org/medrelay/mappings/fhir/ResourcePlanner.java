package org.medrelay.mappings.fhir;

import ca.uhn.hl7v2.ErrorCode;
import org.medrelay.mappings.hl7v2.Hl7InputException;
import org.medrelay.mappings.hl7v2.Hl7Repetition;
import org.medrelay.mappings.hl7v2.Hl7Segment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Decides which resources one message gives before any is built: one per segment named in the
 * message mapping, each with its region and its fullUrl, so references between them can be set
 * while they are built. Refuses the message when a required segment is missing.
 */
final class ResourcePlanner {

    private final MappingSettings settings;

    ResourcePlanner(MappingSettings settings) {
        this.settings = settings;
    }

    MessageContext plan(List<Hl7Segment> segments, MessageMapping mapping) throws Hl7InputException {
        Hl7Segment msh = segments.get(0);
        String facility = firstNonEmpty(value(msh, 4, 1), value(msh, 4, 2), value(msh, 3, 1), "unknown");
        String messageKey = firstNonEmpty(value(msh, 10, 1), digest(segments));
        List<ResourceInstance> instances = new ArrayList<>();
        MessageContext context = new MessageContext(segments, settings, facility, messageKey, instances);
        for (ResourceMapping resource : mapping.resources()) {
            List<Integer> positions = positionsOf(segments, resource.segment());
            if (positions.isEmpty() && resource.required()) {
                throw new Hl7InputException(ErrorCode.REQUIRED_FIELD_MISSING, "segment " + resource.segment()
                        + " is required to build " + resource.resourceType(), resource.segment(), 0);
            }
            for (int i = 0; i < positions.size(); i++) {
                int primary = positions.get(i);
                int regionEnd = i + 1 < positions.size() ? positions.get(i + 1) : segments.size();
                ResourceInstance instance = new ResourceInstance(resource, primary, regionEnd,
                        fullUrl(facility, messageKey, resource.resourceType(), primary));
                if (resource.when() == null || resource.when().holds(new MappingScope(context, instance))) {
                    instances.add(instance);
                }
            }
        }
        return context;
    }

    /** MSH-9.1 and MSH-9.2, or EVN-1 where v2.1 and v2.2 senders leave the event. */
    static String[] typeAndEvent(List<Hl7Segment> segments) {
        Hl7Segment msh = segments.get(0);
        String event = value(msh, 9, 2);
        if (event.isEmpty()) {
            event = segments.stream().filter(s -> s.name().equals("EVN")).findFirst()
                    .map(evn -> value(evn, 1, 1)).orElse("");
        }
        return new String[] {value(msh, 9, 1), event};
    }

    private static List<Integer> positionsOf(List<Hl7Segment> segments, String name) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).name().equals(name)) {
                positions.add(i);
            }
        }
        return positions;
    }

    private static String value(Hl7Segment segment, int field, int component) {
        List<Hl7Repetition> repetitions = segment.field(field);
        return repetitions.isEmpty() ? "" : repetitions.get(0).value(component, 1);
    }

    /** Same message, same fullUrls: replays and diffs of bundles line up. */
    private static String fullUrl(String facility, String messageKey, String resourceType, int primary) {
        String name = facility + "|" + messageKey + "|" + resourceType + "|" + primary;
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Stands in for an empty MSH-10: a digest of the content, the same whenever the same message is replayed. */
    private static String digest(List<Hl7Segment> segments) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Hl7Segment segment : segments) {
                sha.update(segment.toString().getBytes(StandardCharsets.UTF_8));
            }
            return "sha256-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
