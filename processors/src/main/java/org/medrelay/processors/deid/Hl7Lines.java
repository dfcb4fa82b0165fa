package org.medrelay.processors.deid;

import java.util.ArrayList;
import java.util.List;

/** Splits message text into lines and the separators after them (CR, LF, CRLF), so both can be written back. */
final class Hl7Lines {

    private Hl7Lines() {
    }

    /** Even indexes are lines, odd indexes the separator that ended the line before. */
    static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                pieces.add(text.substring(start, i));
                int end = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                pieces.add(text.substring(i, end));
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }
}
