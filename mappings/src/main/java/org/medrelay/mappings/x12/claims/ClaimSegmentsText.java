package org.medrelay.mappings.x12.claims;

import org.medrelay.mappings.x12.X12Delimiters;
import org.medrelay.mappings.x12.X12Segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A claim's segments as text with the standard delimiters ({@code ~ * : ^}, one segment a line), whatever
 * delimiters the file came with: the form a claim on file is kept in and read back from. Trailing empty elements
 * are dropped, as X12 requires.
 */
public final class ClaimSegmentsText {

    private static final X12Delimiters STANDARD = X12Delimiters.standard();

    private ClaimSegmentsText() {
    }

    public static String write(List<X12Segment> segments) {
        StringBuilder out = new StringBuilder();
        for (X12Segment segment : segments) {
            List<String> elements = segment.elements();
            int last = elements.size() - 1;
            while (last > 0 && elements.get(last).isEmpty()) {
                last--;
            }
            out.append(segment.id());
            for (int i = 1; i <= last; i++) {
                out.append(STANDARD.element()).append(standardSeparators(elements.get(i), segment.delimiters()));
            }
            out.append(STANDARD.segment()).append(STANDARD.lineEnding());
        }
        return out.toString();
    }

    /** The segments of {@link #write} text, numbered from 1, with no loop (the text does not carry one). */
    public static List<X12Segment> read(String text) {
        List<X12Segment> segments = new ArrayList<>();
        for (String line : text.split(java.util.regex.Pattern.quote(String.valueOf(STANDARD.segment())))) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                List<String> elements = Arrays.asList(trimmed.split(java.util.regex.Pattern.quote(String.valueOf(STANDARD.element())), -1));
                segments.add(new X12Segment(elements.get(0), segments.size() + 1, "", List.copyOf(elements), STANDARD));
            }
        }
        return segments;
    }

    /** The file's component and repetition separators inside an element, as {@code :} and {@code ^}. */
    private static String standardSeparators(String value, X12Delimiters from) {
        if (from.component() == STANDARD.component() && from.repetition() == STANDARD.repetition()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            out.append(c == from.component() ? STANDARD.component() : c == from.repetition() ? STANDARD.repetition() : c);
        }
        return out.toString();
    }
}
