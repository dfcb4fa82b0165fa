package org.medrelay.processors.deid;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in free text: US numeric (04/03/1958, 4-3-58), ISO 8601, HL7 TS (19580403, 20261104091500),
 * and written months (April 3, 1958; 3 Apr 1958; April 1958). Each becomes its year, a time of day
 * with it goes too; a day and month without a year becomes [DATE]; a year 90 or more years back
 * becomes [90+ YEARS AGO] (see {@link YearOnly}).
 */
final class DateDetector implements PhiDetector {

    private static final String MONTHS = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";
    private static final String MONTH = "(?:" + MONTHS + "|" + MONTHS.toUpperCase(Locale.ROOT) + ")";
    /** Month names that are not also everyday words, for a day and month with no year. */
    private static final String UNAMBIGUOUS_MONTH = "(?:January|February|March|April|June|July|August|September"
            + "|October|November|December|Jan|Feb|Apr|Aug|Sept?|Oct|Nov|Dec)";
    private static final String TIME = "(?:[ \\t]*(?:at[ \\t]+)?\\d{1,2}:\\d{2}(?::\\d{2})?(?:[ \\t]*[AaPp]\\.?[Mm]\\.?)?)?";

    private record Shape(Pattern pattern, int yearGroup) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape(Pattern.compile("(?<![\\d/.-])(0?[1-9]|1[0-2])([/.-])(0?[1-9]|[12]\\d|3[01])\\2(\\d{4}|\\d{2})"
                    + "(?![\\d/-]|\\.\\d)" + TIME), 4),
            new Shape(Pattern.compile("(?<![\\d-])((?:19|20)\\d{2})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
                    + "(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?(?!\\d)"), 1),
            new Shape(Pattern.compile("(?<![\\d.])((?:19|20)\\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
                    + "(?:[0-2]\\d(?:[0-5]\\d(?:[0-5]\\d(?:\\.\\d{1,4})?)?)?)?(?:[+-]\\d{4})?(?!\\d)"), 1),
            new Shape(Pattern.compile("(?<![\\p{L}])" + MONTH + "\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(\\d{4})(?!\\d)"
                    + TIME), 2),
            new Shape(Pattern.compile("(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?(?:[ \\t]+of)?[ \\t-]+" + MONTH
                    + "\\.?,?[ \\t-]+(\\d{4}|\\d{2})(?!\\d)" + TIME), 2),
            new Shape(Pattern.compile("(?<![\\p{L}])" + MONTH + "\\.?,?[ \\t]+(\\d{4})(?!\\d)"), 1),
            new Shape(Pattern.compile("(?<![\\d/.-])(?:0?[1-9]|1[0-2])/((?:19|20)\\d{2})(?![\\d/])"), 1));
    private static final Pattern MONTH_AND_DAY = Pattern.compile(
            "(?<![\\p{L}])" + UNAMBIGUOUS_MONTH + "\\.?[ \\t]+(?:\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])");

    @Override
    public void find(String text, DeidentificationSession session, List<PhiFinding> into) {
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(text);
            while (m.find()) {
                String year = m.group(shape.yearGroup());
                if (year.length() == 2 && ".".equals(groupOrNull(m, 2))) {
                    continue; // 1.2.10 is a version number more often than a date
                }
                int full = YearOnly.fullYear(year, session.referenceYear());
                boolean old = YearOnly.showsAgeOver89(full, session.referenceYear());
                into.add(new PhiFinding(m.start(), m.end(), old ? IdentifierKind.AGE : IdentifierKind.DATE,
                        old ? YearOnly.NINETY_OR_MORE_YEARS_AGO : String.valueOf(full)));
            }
        }
        Matcher dayMonth = MONTH_AND_DAY.matcher(text);
        while (dayMonth.find()) {
            into.add(new PhiFinding(dayMonth.start(), dayMonth.end(), IdentifierKind.DATE, YearOnly.DATE_WITHOUT_YEAR));
        }
    }

    private static String groupOrNull(Matcher m, int group) {
        return m.groupCount() >= group ? m.group(group) : null;
    }
}
