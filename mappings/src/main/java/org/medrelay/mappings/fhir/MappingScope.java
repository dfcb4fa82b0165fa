package org.medrelay.mappings.fhir;

import org.medrelay.mappings.hl7v2.Hl7Repetition;
import org.medrelay.mappings.hl7v2.Hl7Segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a rule reads from while one resource is built. A path's segment is found in this order:
 * a segment bound by {@code forEach}; the resource's own segment; for a segment listed in
 * {@code with}, the first one after it in its region; otherwise the nearest one before it (the PID
 * of a PV1, the OBR of an OBX, the MSH). Datatype paths ({@code CX.4}) read the value a datatype
 * template is converting. Immutable: {@code with...} methods return a new scope.
 */
final class MappingScope {

    private final MessageContext message;
    private final ResourceInstance instance;
    private final Map<String, Hl7Segment> bound;
    private final Hl7Repetition value;

    MappingScope(MessageContext message, ResourceInstance instance) {
        this(message, instance, Map.of(), null);
    }

    private MappingScope(MessageContext message, ResourceInstance instance, Map<String, Hl7Segment> bound,
                         Hl7Repetition value) {
        this.message = message;
        this.instance = instance;
        this.bound = bound;
        this.value = value;
    }

    MessageContext message() {
        return message;
    }

    ResourceInstance instance() {
        return instance;
    }

    MappingScope withSegment(Hl7Segment segment) {
        Map<String, Hl7Segment> more = new HashMap<>(bound);
        more.put(segment.name(), segment);
        return new MappingScope(message, instance, Map.copyOf(more), value);
    }

    MappingScope withValue(Hl7Repetition datatypeValue) {
        return new MappingScope(message, instance, bound, datatypeValue);
    }

    /** The non-empty values at {@code path}, one per field repetition, as repetitions a datatype template can read. */
    List<Hl7Repetition> values(Hl7Path path) {
        List<Hl7Repetition> whole;
        if (path.inDatatype()) {
            whole = value == null ? List.of() : List.of(value);
        } else {
            Hl7Segment segment = segment(path.segment());
            whole = segment == null ? List.of() : segment.field(path.field());
        }
        List<Hl7Repetition> values = new ArrayList<>();
        for (Hl7Repetition repetition : whole) {
            Hl7Repetition part = part(repetition, path);
            if (!part.isEmpty()) {
                values.add(part);
            }
        }
        return values;
    }

    /** The text of the first value at {@code path}, or empty. */
    String firstText(Hl7Path path) {
        List<Hl7Repetition> values = values(path);
        return values.isEmpty() ? "" : values.get(0).text();
    }

    /** Segments named {@code name} after this resource's segment, up to the next one of its kind. */
    List<Hl7Segment> region(String name) {
        List<Hl7Segment> segments = message.segments();
        List<Hl7Segment> found = new ArrayList<>();
        for (int i = instance.primary() + 1; i < instance.regionEnd(); i++) {
            if (segments.get(i).name().equals(name)) {
                found.add(segments.get(i));
            }
        }
        return found;
    }

    private Hl7Segment segment(String name) {
        Hl7Segment boundSegment = bound.get(name);
        if (boundSegment != null) {
            return boundSegment;
        }
        List<Hl7Segment> segments = message.segments();
        Hl7Segment primary = segments.get(instance.primary());
        if (primary.name().equals(name)) {
            return primary;
        }
        if (instance.mapping().with().contains(name)) {
            List<Hl7Segment> following = region(name);
            return following.isEmpty() ? null : following.get(0);
        }
        for (int i = instance.primary() - 1; i >= 0; i--) {
            if (segments.get(i).name().equals(name)) {
                return segments.get(i);
            }
        }
        return null;
    }

    private static Hl7Repetition part(Hl7Repetition repetition, Hl7Path path) {
        if (path.component() == 0) {
            return repetition;
        }
        if (path.subcomponent() == 0) {
            return repetition.component(path.component());
        }
        return Hl7Repetition.of(repetition.value(path.component(), path.subcomponent()));
    }
}
