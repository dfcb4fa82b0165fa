package org.medrelay.mappings.x12;

import io.xlate.edi.stream.EDIStreamConstants.Delimiters;

import java.util.Map;

/**
 * The delimiters of an interchange: ISA16 component separator, ISA11 repetition separator (00501 on), the
 * element separator after "ISA" and the segment terminator after ISA16. {@code lineEnding} is what follows
 * each terminator when the file puts one segment per line ("" when it does not).
 */
public record X12Delimiters(char segment, char element, char component, char repetition, String lineEnding) {

    /** {@code ~ * : ^} with a line break after each segment, as most HIPAA trading partners send. */
    public static X12Delimiters standard() {
        return new X12Delimiters('~', '*', ':', '^', "\n");
    }

    public X12Delimiters {
        if (!java.util.Set.of("", "\n", "\r\n", "\r").contains(lineEnding)) {
            throw new IllegalArgumentException("line ending must be empty, LF, CR or CRLF");
        }
        long distinct = new String(new char[]{segment, element, component, repetition}).chars().distinct().count();
        if (distinct != 4) {
            throw new IllegalArgumentException("segment, element, component and repetition delimiters must differ");
        }
    }

    public X12Delimiters withLineEnding(String ending) {
        return new X12Delimiters(segment, element, component, repetition, ending);
    }

    /**
     * The delimiters StAEDI found in an ISA. A 004010 interchange has no repetition separator (ISA11 is the
     * standards identifier); an acknowledgment in 00501 then takes {@code ^}, or {@code !} if that is in use.
     */
    static X12Delimiters of(Map<String, Character> found, String lineEnding) {
        char segment = found.get(Delimiters.SEGMENT);
        char element = found.get(Delimiters.DATA_ELEMENT);
        char component = found.get(Delimiters.COMPONENT_ELEMENT);
        Character repetition = found.get(Delimiters.REPETITION);
        if (repetition == null) {
            boolean caretFree = segment != '^' && element != '^' && component != '^';
            repetition = caretFree ? '^' : '!';
        }
        String ending = segment == '\n' || segment == '\r' ? "" : lineEnding;
        return new X12Delimiters(segment, element, component, repetition, ending);
    }
}
