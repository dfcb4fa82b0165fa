package org.medrelay.processors.deid;

import java.util.List;
import java.util.regex.Matcher;

/**
 * A stretch of free text that holds an identifier.
 *
 * @param start       first character, inclusive
 * @param end         last character, exclusive
 * @param kind        what it is
 * @param replacement the text to write instead (a year, "90+", a ZIP prefix), or null for the
 *                    session's pseudonym of the matched text
 */
record PhiFinding(int start, int end, IdentifierKind kind, String replacement) {

    static PhiFinding pseudonym(int start, int end, IdentifierKind kind) {
        return new PhiFinding(start, end, kind, null);
    }

    /** Every match of {@code m}, whole, as a pseudonym of {@code kind}. */
    static void allMatches(Matcher m, IdentifierKind kind, List<PhiFinding> into) {
        while (m.find()) {
            into.add(pseudonym(m.start(), m.end(), kind));
        }
    }

    int length() {
        return end - start;
    }

    boolean overlaps(PhiFinding other) {
        return start < other.end && other.start < end;
    }
}
