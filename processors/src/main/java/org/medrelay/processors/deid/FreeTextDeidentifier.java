package org.medrelay.processors.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The free-text pass: notes, NTE and OBX text, FHIR narratives and strings, X12 MSG and NTE. Every
 * detector reads the original text; where findings overlap the longest wins, and on a tie the one
 * found first, which is why names and identifiers already known from the structured fields of the
 * request are looked for before anything is guessed. Thread-safe; the state is in the session.
 */
public final class FreeTextDeidentifier {

    private static final Pattern TOKEN = Pattern.compile("\\[[A-Z]+-\\d+]");

    private final List<PhiDetector> detectors;
    private final List<PhiDetector> knownOnly = List.of(new KnownValueDetector());

    public FreeTextDeidentifier() {
        this(new ZipCodeRule());
    }

    FreeTextDeidentifier(ZipCodeRule zipCodes) {
        this.detectors = List.of(
                new LabeledNameDetector(),
                new KnownValueDetector(),
                new NetworkAddressDetector(),
                new IdentifierShapeDetector(),
                new LabeledIdentifierDetector(),
                new PhoneNumberDetector(),
                new DateDetector(),
                new AgeDetector(),
                new AddressDetector(zipCodes));
    }

    /** The text with every identifier found replaced; null and blank text come back as they are. */
    public String deidentify(String text, DeidentificationSession session) {
        return rewrite(text, session, detectors);
    }

    /**
     * Only the names and identifiers the session already knows, for short structured values (X12
     * elements) where guessing from shapes would take codes for dates or phone numbers.
     */
    public String replaceKnown(String text, DeidentificationSession session) {
        return rewrite(text, session, knownOnly);
    }

    private static String rewrite(String text, DeidentificationSession session, List<PhiDetector> detectors) {
        if (text == null || text.isBlank()) {
            return text;
        }
        List<PhiFinding> findings = new ArrayList<>();
        for (PhiDetector detector : detectors) {
            detector.find(text, session, findings);
        }
        List<PhiFinding> tokens = tokens(text);
        findings.removeIf(finding -> tokens.stream().anyMatch(finding::overlaps));
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (PhiFinding finding : chosen(findings)) {
            out.append(text, at, finding.start()).append(replacement(text, finding, session));
            at = finding.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Pseudonyms written by an earlier pass ("[NAME-40213]"), which a second pass must not take apart. */
    private static List<PhiFinding> tokens(String text) {
        List<PhiFinding> tokens = new ArrayList<>();
        if (text.indexOf('[') >= 0) {
            PhiFinding.allMatches(TOKEN.matcher(text), IdentifierKind.OTHER_ID, tokens);
        }
        return tokens;
    }

    /** Longest first (a stable sort keeps the detector order on ties), then no overlaps, in text order. */
    private static Iterable<PhiFinding> chosen(List<PhiFinding> findings) {
        List<PhiFinding> byLength = new ArrayList<>(findings);
        byLength.sort(Comparator.comparingInt(PhiFinding::length).reversed());
        TreeMap<Integer, PhiFinding> accepted = new TreeMap<>();
        for (PhiFinding candidate : byLength) {
            if (candidate.length() == 0) {
                continue;
            }
            Map.Entry<Integer, PhiFinding> before = accepted.floorEntry(candidate.start());
            Map.Entry<Integer, PhiFinding> after = accepted.ceilingEntry(candidate.start());
            boolean free = (before == null || !before.getValue().overlaps(candidate))
                    && (after == null || !after.getValue().overlaps(candidate));
            if (free) {
                accepted.put(candidate.start(), candidate);
            }
        }
        return accepted.values();
    }

    private static String replacement(String text, PhiFinding finding, DeidentificationSession session) {
        if (finding.replacement() != null) {
            session.countRemoved(finding.kind());
            return finding.replacement();
        }
        return session.pseudonym(finding.kind(), text.substring(finding.start(), finding.end()));
    }
}
