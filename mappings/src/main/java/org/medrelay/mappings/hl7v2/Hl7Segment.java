package org.medrelay.mappings.hl7v2;

import java.util.List;

/**
 * One segment of a parsed message in message order, with its fields as plain values: what a
 * mapping reads. Immutable.
 *
 * @param name     segment id, e.g. PID
 * @param position 1-based position of the segment in the message (MSH is 1)
 * @param fields   element 0 is field 1; each field is its list of repetitions
 */
public record Hl7Segment(String name, int position, List<List<Hl7Repetition>> fields) {

    public Hl7Segment {
        fields = fields.stream().map(List::copyOf).toList();
    }

    /** Repetitions of field {@code number} (1-based, MSH-1 is the field separator); empty when absent. */
    public List<Hl7Repetition> field(int number) {
        return number < 1 || number > fields.size() ? List.of() : fields.get(number - 1);
    }
}
