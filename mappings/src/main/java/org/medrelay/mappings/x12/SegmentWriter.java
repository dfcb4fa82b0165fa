package org.medrelay.mappings.x12;

import java.nio.charset.StandardCharsets;

/**
 * Writes X12 segments with an interchange's delimiters: trailing empty elements are dropped, as X12 requires,
 * and segments are counted from the last ST for SE01. Public for the writers of other packages' transaction sets
 * (the 278 of {@code x12.priorauth}), which get one from {@link TransactionSetWriter}.
 */
public final class SegmentWriter {

    private final X12Delimiters delimiters;
    private final StringBuilder out = new StringBuilder();
    private int sinceTransactionStart;

    public SegmentWriter(X12Delimiters delimiters) {
        this.delimiters = delimiters;
    }

    public X12Delimiters delimiters() {
        return delimiters;
    }

    public void segment(String id, String... elements) {
        int last = elements.length;
        while (last > 0 && (elements[last - 1] == null || elements[last - 1].isEmpty())) {
            last--;
        }
        out.append(id);
        for (int i = 0; i < last; i++) {
            out.append(delimiters.element()).append(elements[i] == null ? "" : elements[i]);
        }
        out.append(delimiters.segment()).append(delimiters.lineEnding());
        if ("ST".equals(id)) {
            sinceTransactionStart = 0;
        }
        sinceTransactionStart++;
    }

    /** SE01: the segments from ST to this SE. */
    public int segmentsForTrailer() {
        return sinceTransactionStart + 1;
    }

    /** Joins components of a composite element with the component separator. */
    public String composite(String... components) {
        int last = components.length;
        while (last > 0 && (components[last - 1] == null || components[last - 1].isEmpty())) {
            last--;
        }
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < last; i++) {
            value.append(i == 0 ? "" : String.valueOf(delimiters.component())).append(components[i] == null ? "" : components[i]);
        }
        return value.toString();
    }

    /** Joins repetitions of an element with the repetition separator (EQ01 service type codes). */
    public String repeated(java.util.List<String> values) {
        return String.join(String.valueOf(delimiters.repetition()), values);
    }

    public byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
