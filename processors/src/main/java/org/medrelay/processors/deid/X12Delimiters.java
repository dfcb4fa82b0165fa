package org.medrelay.processors.deid;

/**
 * The delimiters of an X12 interchange, read from its ISA segment: the element separator is the
 * character after "ISA", the component separator (ISA16) the character after the sixteenth element
 * separator, and the segment terminator the character after that. Counting separators rather than
 * trusting column 104 also reads an ISA whose fixed-width fields were padded wrongly.
 */
record X12Delimiters(char element, char component, char segment) {

    private static final int ISA_ELEMENTS = 16;

    /** @param start where "ISA" begins in {@code text} */
    static X12Delimiters of(String text, int start) {
        if (!text.startsWith("ISA", start) || text.length() < start + 4) {
            throw new DeidentificationException("not an X12 interchange: it does not start with an ISA segment");
        }
        char element = text.charAt(start + 3);
        int position = start + 3;
        for (int count = 1; count < ISA_ELEMENTS; count++) {
            position = text.indexOf(element, position + 1);
            if (position < 0) {
                throw new DeidentificationException("ISA segment has fewer than 16 elements");
            }
        }
        if (position + 2 >= text.length()) {
            throw new DeidentificationException("ISA segment ends before ISA16 and the segment terminator");
        }
        return new X12Delimiters(element, text.charAt(position + 1), text.charAt(position + 2));
    }
}
