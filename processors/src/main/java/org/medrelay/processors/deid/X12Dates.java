package org.medrelay.processors.deid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in X12 elements cut to the year. X12 has no year-only format (D8 is CCYYMMDD), so the year
 * keeps the element's shape: D8 becomes CCYY0101, a range RD8 CCYY0101-CCYY1231 (the whole years
 * it touched), DT CCYY01010000. Month and day then carry nothing of the original.
 */
final class X12Dates {

    private static final Pattern DATE = Pattern.compile("((?:18|19|20)\\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(\\d{4})?");

    private X12Dates() {
    }

    static String yearOnly(String value, DeidentificationSession s) {
        if (value == null || value.isBlank()) {
            return value;
        }
        Matcher m = DATE.matcher(value);
        StringBuilder out = new StringBuilder();
        int index = 0;
        while (m.find()) {
            String dayOfYear = index++ == 0 ? "0101" : "1231";
            m.appendReplacement(out, m.group(1) + dayOfYear + (m.group(2) == null ? "" : "0000"));
        }
        m.appendTail(out);
        if (index > 0) {
            s.countRemoved(IdentifierKind.DATE);
        }
        return out.toString();
    }

    /** DMG02: the year as CCYY0101, or empty when it shows an age over 89. */
    static String birthDate(String value, DeidentificationSession s) {
        Matcher m = DATE.matcher(value == null ? "" : value.strip());
        if (m.matches() && YearOnly.showsAgeOver89(Integer.parseInt(m.group(1)), s.referenceYear())) {
            s.countRemoved(IdentifierKind.AGE);
            return "";
        }
        return yearOnly(value, s);
    }
}
