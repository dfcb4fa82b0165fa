package org.medrelay.processors.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names and identifiers a session has met in structured fields (PID-5, PID-3, NM1, Patient.name)
 * or after a title in free text, so the free-text pass finds them anywhere else in the same request:
 * a note that says "Alma Testpatient called" loses the name the PID segment gave.
 */
final class KnownValues {

    /** Name particles and titles: too common to redact wherever they appear on their own. */
    private static final Set<String> NOT_NAMES = Set.of("de", "la", "le", "van", "von", "der", "den", "del",
            "da", "di", "du", "dos", "das", "st", "mr", "mrs", "ms", "dr", "jr", "sr", "ii", "iii", "iv", "md");
    /** Shorter identifiers (set ids, "42") would match ordinary numbers in clinical text. */
    private static final int MIN_IDENTIFIER_LENGTH = 4;

    record Known(IdentifierKind kind, String value) {
    }

    private final Map<String, Known> byLowerCase = new LinkedHashMap<>();
    private Pattern pattern;

    void add(IdentifierKind kind, String value) {
        String v = value == null ? "" : value.strip();
        if (!worthMatching(kind, v)) {
            return;
        }
        if (byLowerCase.putIfAbsent(v.toLowerCase(Locale.ROOT), new Known(kind, v)) == null) {
            pattern = null;
        }
    }

    boolean isEmpty() {
        return byLowerCase.isEmpty();
    }

    /** The value an occurrence matches in any case, as first met, or null. */
    Known lookup(String occurrence) {
        return byLowerCase.get(occurrence.toLowerCase(Locale.ROOT));
    }

    /** One pattern for every known value, longest first, bounded by non-alphanumerics, any case. */
    Pattern pattern() {
        if (pattern == null) {
            List<String> values = new ArrayList<>(byLowerCase.keySet());
            values.sort(Comparator.comparingInt(String::length).reversed());
            StringBuilder alternatives = new StringBuilder();
            for (String value : values) {
                alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(value));
            }
            pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
        return pattern;
    }

    private static boolean worthMatching(IdentifierKind kind, String value) {
        if (value.isEmpty() || value.equals("\"\"")) {
            return false;
        }
        return switch (kind.family()) {
            case NAME -> value.length() >= 2 && value.chars().anyMatch(Character::isLetter)
                    && !NOT_NAMES.contains(value.toLowerCase(Locale.ROOT).replace(".", ""));
            case PLACE -> value.length() >= 3;
            case NETWORK -> true;
            case TELECOM -> value.replaceAll("\\D", "").length() >= 7;
            case IDENTIFIER -> value.length() >= MIN_IDENTIFIER_LENGTH;
            case NONE -> false;
        };
    }
}
