package org.medrelay.processors.deid;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One segment of a message as text, split at the field separator. MSH counts its fields as HL7 does:
 * MSH-1 is the separator itself, so MSH-n is element n-1 of the split.
 */
final class Hl7SegmentLine {

    private static final Pattern SEGMENT_ID = Pattern.compile("[A-Z][A-Z0-9]{2}");

    private final String name;
    private final String[] elements;
    private final char separator;

    private Hl7SegmentLine(String name, String[] elements, char separator) {
        this.name = name;
        this.elements = elements;
        this.separator = separator;
    }

    /** The segment, or null when the line does not start with a segment id and the field separator. */
    static Hl7SegmentLine parse(String line, char separator) {
        String id = line.length() >= 3 ? line.substring(0, 3) : "";
        if (!SEGMENT_ID.matcher(id).matches() || line.length() > 3 && line.charAt(3) != separator) {
            return null;
        }
        return new Hl7SegmentLine(id, line.split(Pattern.quote(String.valueOf(separator)), -1), separator);
    }

    String name() {
        return name;
    }

    /** Highest field number present. */
    int fieldCount() {
        return isMsh() ? elements.length : elements.length - 1;
    }

    /** Fields this class may hand out: MSH-1 and MSH-2 are the delimiters and never rewritten. */
    int firstField() {
        return isMsh() ? 3 : 1;
    }

    String field(int number) {
        return elements[index(number)];
    }

    void setField(int number, String value) {
        elements[index(number)] = value;
    }

    String encode() {
        return String.join(String.valueOf(separator), List.of(elements));
    }

    private boolean isMsh() {
        return name.equals("MSH");
    }

    private int index(int number) {
        return isMsh() ? number - 1 : number;
    }
}
