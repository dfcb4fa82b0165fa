package org.medrelay.mappings.fhir;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a value sits in a message, as interface engineers write it. Two forms:
 * <ul>
 *   <li>{@code PID-3}, {@code PID-3.4}, {@code PID-3.4.1}: segment, field, component, sub-component;</li>
 *   <li>{@code CX.4}, {@code CX.4.1}: component (and sub-component) of the value a datatype template
 *       is converting; the letters name the HL7 datatype for the reader and are not checked.</li>
 * </ul>
 * Component and sub-component are 0 when not given.
 */
record Hl7Path(String segment, int field, int component, int subcomponent) {

    private static final Pattern SEGMENT_PATH = Pattern.compile("([A-Z][A-Z0-9]{2})-(\\d{1,3})(?:\\.(\\d{1,2}))?(?:\\.(\\d{1,2}))?");
    private static final Pattern DATATYPE_PATH = Pattern.compile("[A-Z][A-Z0-9]{1,3}\\.(\\d{1,2})(?:\\.(\\d{1,2}))?");

    static boolean looksLikePath(String text) {
        return SEGMENT_PATH.matcher(text).matches() || DATATYPE_PATH.matcher(text).matches();
    }

    /** Parses {@code text}; throws IllegalArgumentException when it is neither form. */
    static Hl7Path parse(String text) {
        Matcher segment = SEGMENT_PATH.matcher(text);
        if (segment.matches()) {
            return new Hl7Path(segment.group(1), Integer.parseInt(segment.group(2)),
                    number(segment.group(3)), number(segment.group(4)));
        }
        Matcher datatype = DATATYPE_PATH.matcher(text);
        if (datatype.matches()) {
            return new Hl7Path(null, 0, Integer.parseInt(datatype.group(1)), number(datatype.group(2)));
        }
        throw new IllegalArgumentException("'" + text + "' is not an HL7 path such as PID-3.1 or CX.4");
    }

    /** True when the path is relative to the value a datatype template converts. */
    boolean inDatatype() {
        return segment == null;
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(inDatatype() ? "." : segment + "-" + field);
        if (component > 0) {
            text.append(inDatatype() ? "" : ".").append(component);
        }
        if (subcomponent > 0) {
            text.append('.').append(subcomponent);
        }
        return text.toString();
    }
}
