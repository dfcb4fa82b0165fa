package org.medrelay.mappings.x12;

import java.util.List;

/**
 * One segment as read: its id, its position in the transaction set (ST = 1; 0 outside one), the guide loop it
 * belongs to ("2110C", empty outside loops) and its elements as sent, composites and repetitions joined with
 * the interchange's own separators. {@code elements().get(0)} is the segment id, so {@code element(3)} is XX03.
 */
public record X12Segment(String id, int position, String loop, List<String> elements, X12Delimiters delimiters) {

    public String element(int position) {
        return position < elements.size() ? elements.get(position) : "";
    }

    /** The repetitions of an element (EQ01 and EB03 service type codes repeat). */
    public List<String> repetitions(int position) {
        String value = element(position);
        return value.isEmpty() ? List.of() : List.of(value.split(java.util.regex.Pattern.quote(String.valueOf(delimiters.repetition())), -1));
    }

    /** The components of a composite element (EQ02 procedure, HI diagnosis codes). */
    public List<String> components(int position) {
        String value = element(position);
        return value.isEmpty() ? List.of() : List.of(value.split(java.util.regex.Pattern.quote(String.valueOf(delimiters.component())), -1));
    }
}
