package org.medrelay.processors.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One X12 segment as text: the line breaks before it, its elements (element 0 is the segment id), and whether a terminator followed. */
final class X12Segment {

    private final String leading;
    private final List<String> elements;
    private final boolean terminated;

    private X12Segment(String leading, List<String> elements, boolean terminated) {
        this.leading = leading;
        this.elements = elements;
        this.terminated = terminated;
    }

    static X12Segment parse(String piece, char elementSeparator, boolean terminated) {
        int body = 0;
        while (body < piece.length() && Character.isWhitespace(piece.charAt(body))) {
            body++;
        }
        List<String> elements = new ArrayList<>(List.of(
                piece.substring(body).split(Pattern.quote(String.valueOf(elementSeparator)), -1)));
        return new X12Segment(piece.substring(0, body), elements, terminated);
    }

    String id() {
        return elements.get(0).strip();
    }

    boolean isBlank() {
        return elements.size() == 1 && elements.get(0).isBlank();
    }

    /** Element {@code n} (NM1-03 is 3); "" when absent. */
    String element(int n) {
        return n < elements.size() ? elements.get(n) : "";
    }

    int size() {
        return elements.size() - 1;
    }

    /** Replaces an element that is present; absent elements are not added. */
    void set(int n, String value) {
        if (n > 0 && n < elements.size() && value != null) {
            elements.set(n, value);
        }
    }

    String encode(X12Delimiters d) {
        return leading + String.join(String.valueOf(d.element()), elements) + (terminated ? String.valueOf(d.segment()) : "");
    }
}
