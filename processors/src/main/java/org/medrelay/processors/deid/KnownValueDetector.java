package org.medrelay.processors.deid;

import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds the names and identifiers the session already met, wherever they appear. A name or a place
 * counts only where it is capitalized, so a patient called May or Hope does not take every "may" and
 * "hope" out of a note.
 */
final class KnownValueDetector implements PhiDetector {

    @Override
    public void find(String text, DeidentificationSession session, List<PhiFinding> into) {
        KnownValues known = session.knownValues();
        if (known.isEmpty()) {
            return;
        }
        Matcher m = known.pattern().matcher(text);
        while (m.find()) {
            KnownValues.Known value = known.lookup(m.group());
            if (value == null || lowerCaseWord(value, m.group())) {
                continue;
            }
            into.add(PhiFinding.pseudonym(m.start(), m.end(), value.kind()));
        }
    }

    /** A capitalized name or place written in lower case here: an ordinary word, not the name. */
    private static boolean lowerCaseWord(KnownValues.Known value, String occurrence) {
        boolean wordLike = value.kind().family() == IdentifierKind.Family.NAME
                || value.kind().family() == IdentifierKind.Family.PLACE;
        return wordLike && Character.isLowerCase(occurrence.charAt(0)) && !occurrence.equals(value.value());
    }
}
