package org.medrelay.mappings.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;

import java.util.ArrayList;
import java.util.List;

/**
 * Flattens a HAPI message into its segments in message order. HAPI's generic model keeps
 * consecutive same-name segments as repetitions of one structure and names a later run of them
 * "OBX2", "OBX3"; walking the structure names in order and their repetitions gives back the order
 * the sender wrote, which the mappings need to tie each OBX to its OBR.
 */
public final class Hl7Segments {

    private Hl7Segments() {
    }

    public static List<Hl7Segment> of(Message message) throws HL7Exception {
        List<Hl7Segment> segments = new ArrayList<>();
        collect(message, segments);
        return List.copyOf(segments);
    }

    private static void collect(ca.uhn.hl7v2.model.Group group, List<Hl7Segment> into) throws HL7Exception {
        for (String name : group.getNames()) {
            for (Structure structure : group.getAll(name)) {
                if (structure instanceof Segment segment) {
                    into.add(segment(segment, into.size() + 1));
                } else if (structure instanceof ca.uhn.hl7v2.model.Group child) {
                    collect(child, into);
                }
            }
        }
    }

    private static Hl7Segment segment(Segment segment, int position) throws HL7Exception {
        List<List<Hl7Repetition>> fields = new ArrayList<>();
        for (int number = 1; number <= segment.numFields(); number++) {
            List<Hl7Repetition> repetitions = new ArrayList<>();
            for (Type type : segment.getField(number)) {
                repetitions.add(repetition(type));
            }
            fields.add(repetitions);
        }
        return new Hl7Segment(segment.getName(), position, fields);
    }

    private static Hl7Repetition repetition(Type type) {
        Type data = unwrap(type);
        if (data instanceof Composite composite) {
            List<List<String>> components = new ArrayList<>();
            for (Type component : composite.getComponents()) {
                components.add(subcomponents(unwrap(component)));
            }
            return new Hl7Repetition(components);
        }
        return new Hl7Repetition(List.of(subcomponents(data)));
    }

    private static List<String> subcomponents(Type data) {
        if (data instanceof Composite composite) {
            List<String> values = new ArrayList<>();
            for (Type subcomponent : composite.getComponents()) {
                values.add(primitiveValue(unwrap(subcomponent)));
            }
            return values;
        }
        return List.of(primitiveValue(data));
    }

    private static String primitiveValue(Type data) {
        if (data instanceof Primitive primitive) {
            String value = primitive.getValue();
            return value == null ? "" : value;
        }
        return "";
    }

    private static Type unwrap(Type type) {
        Type current = type;
        while (current instanceof Varies varies) {
            current = varies.getData();
        }
        return current;
    }
}
