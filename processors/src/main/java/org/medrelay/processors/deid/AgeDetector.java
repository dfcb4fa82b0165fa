package org.medrelay.processors.deid;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ages over 89 in free text ("92-year-old", "aged 93", "91 y/o") become 90+, and a birth year that
 * shows such an age ("born in 1931") becomes [90+ YEARS AGO]: Safe Harbor 164.514(b)(2)(i)(C).
 * Younger ages are not identifiers and stay.
 */
final class AgeDetector implements PhiDetector {

    private static final Pattern AGE_BEFORE = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:age|aged)[ \\t]*[:=]?[ \\t]*(\\d{2,3})(?!\\d)");
    private static final Pattern AGE_AFTER = Pattern.compile(
            "(?i)(?<![\\d.])(\\d{2,3})[ \\t]*-?[ \\t]*(?:years?|yrs?|y/o|yo|y\\.o\\.?)(?![\\p{L}])");
    private static final Pattern BIRTH_YEAR = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:born(?:[ \\t]+in)?|year[ \\t]+of[ \\t]+birth|yob|birth[ \\t]+year)[ \\t]*[:=]?[ \\t]*"
                    + "((?:18|19|20)\\d{2})(?!\\d)");
    private static final int OLDEST_KEPT = 89;

    @Override
    public void find(String text, DeidentificationSession session, List<PhiFinding> into) {
        ages(AGE_BEFORE.matcher(text), into);
        ages(AGE_AFTER.matcher(text), into);
        Matcher born = BIRTH_YEAR.matcher(text);
        while (born.find()) {
            if (YearOnly.showsAgeOver89(Integer.parseInt(born.group(1)), session.referenceYear())) {
                into.add(new PhiFinding(born.start(1), born.end(1), IdentifierKind.AGE, YearOnly.NINETY_OR_MORE_YEARS_AGO));
            }
        }
    }

    private static void ages(Matcher m, List<PhiFinding> into) {
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) > OLDEST_KEPT) {
                into.add(new PhiFinding(m.start(1), m.end(1), IdentifierKind.AGE, "90+"));
            }
        }
    }
}
