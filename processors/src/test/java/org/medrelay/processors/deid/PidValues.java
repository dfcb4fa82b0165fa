package org.medrelay.processors.deid;

import org.medrelay.mappings.hl7v2.Hl7Parser;
import org.medrelay.mappings.hl7v2.Hl7Repetition;
import org.medrelay.mappings.hl7v2.Hl7Segment;
import org.medrelay.mappings.hl7v2.Hl7Segments;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The PID-5 name parts and PID-3 ID numbers of a message, read with the engine's own parser (not
 * the de-identifier's splitter), so a test compares against an independent reading.
 */
final class PidValues {

    private static final Hl7Parser PARSER = new Hl7Parser();
    /** Shorter than this, a value also occurs as ordinary text ("1", "J", "42"); see KnownValues. */
    static final int MIN_NAME = 3;
    static final int MIN_ID = 4;

    private PidValues() {
    }

    static Set<String> of(String message) throws Exception {
        Set<String> values = new LinkedHashSet<>();
        for (Hl7Segment segment : Hl7Segments.of(PARSER.parse(message))) {
            if (!segment.name().equals("PID")) {
                continue;
            }
            for (Hl7Repetition name : segment.field(5)) {
                for (int component = 1; component <= 3; component++) {
                    for (int sub = 1; sub <= 4; sub++) {
                        add(values, name.value(component, sub), MIN_NAME);
                    }
                }
            }
            for (Hl7Repetition id : segment.field(3)) {
                add(values, id.value(1, 1), MIN_ID);
            }
        }
        return values;
    }

    private static void add(Set<String> values, String value, int minimum) {
        String v = value == null ? "" : value.strip();
        if (v.length() >= minimum && !v.equals("\"\"")) {
            values.add(v);
        }
    }

    /** The message without its MSH segment, which names systems, not the patient, and stays as sent. */
    static String withoutMsh(String message) {
        return message.replaceFirst("(?s)^\\s*MSH[^\\r\\n]*", "");
    }
}
