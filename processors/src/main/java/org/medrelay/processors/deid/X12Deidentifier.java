package org.medrelay.processors.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * De-identifies an X12 interchange (270/271, 276/277, 278, 834, 835, 837) segment by segment with a
 * delimiter-aware splitter: StAEDI validates X12 elsewhere, but de-identification must also read what
 * a schema refuses. NM1/N1 names and ids, N3/N4 addresses, PER contacts, DMG birth dates, DTP/DTM
 * dates, REF ids and CLM/CLP patient control numbers are handled by loop context (whose NM1 came
 * last); NTE and MSG text goes through the free-text pass; names and ids met before are replaced
 * wherever else they appear (a subscriber's name in a submitter's PER contact, too). Envelope segments (ISA, GS, ST, SE, GE, IEA) and TRN trace numbers
 * stay as sent. Thread-safe; the state is in the session.
 */
public final class X12Deidentifier {

    private static final Set<String> KEPT = Set.of("ISA", "IEA", "GS", "GE", "ST", "SE", "TRN", "TA1");

    private final X12Rules rules = new X12Rules();
    private final ZipCodeRule zipCodes;
    private final FreeTextDeidentifier freeText;

    public X12Deidentifier() {
        this(new FreeTextDeidentifier(), new ZipCodeRule());
    }

    X12Deidentifier(FreeTextDeidentifier freeText, ZipCodeRule zipCodes) {
        this.freeText = freeText;
        this.zipCodes = zipCodes;
    }

    /** @throws DeidentificationException when the text does not start with an ISA segment */
    public String deidentify(String interchange, DeidentificationSession session) {
        int start = 0;
        while (start < interchange.length() && (Character.isWhitespace(interchange.charAt(start))
                || interchange.charAt(start) == '\uFEFF')) {
            start++;
        }
        X12Delimiters d = X12Delimiters.of(interchange, start);
        List<X12Segment> segments = split(interchange.substring(start), d);
        X12SegmentScrubber scrubber = new X12SegmentScrubber(rules, zipCodes, freeText, session);
        for (X12Segment segment : segments) {
            if (!segment.isBlank() && !KEPT.contains(segment.id())) {
                scrubber.structured(segment);
            }
        }
        StringBuilder out = new StringBuilder(interchange.length()).append(interchange, 0, start);
        for (X12Segment segment : segments) {
            if (!segment.isBlank() && !KEPT.contains(segment.id())) {
                scrubber.text(segment);
            }
            out.append(segment.encode(d));
        }
        return out.toString();
    }

    private static List<X12Segment> split(String text, X12Delimiters d) {
        List<X12Segment> segments = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf(d.segment(), from);
            boolean terminated = end >= 0;
            segments.add(X12Segment.parse(text.substring(from, terminated ? end : text.length()), d.element(), terminated));
            from = terminated ? end + 1 : text.length();
        }
        return segments;
    }
}
