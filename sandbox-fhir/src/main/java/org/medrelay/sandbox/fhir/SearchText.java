package org.medrelay.sandbox.fhir;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * FHIR string search compares "ignoring case and accents or other combining characters": both the indexed value
 * and the searched one are decomposed, stripped of combining marks and lower-cased, so {@code Müller} is found by
 * {@code muller} and {@code MUL}.
 */
final class SearchText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {
    }

    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern for "starts with" {@code prefix}, its wildcards escaped with backslash. */
    static String startsWithPattern(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
