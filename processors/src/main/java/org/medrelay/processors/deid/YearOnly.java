package org.medrelay.processors.deid;

/**
 * The date policy: Safe Harbor, 164.514(b)(2)(i)(C), keeps only the year of a date, and not even
 * that when it would show an age over 89. Shifting dates by an offset keeps month and day in another
 * form, which is an expert-determination technique, not Safe Harbor, so dates are cut to the year.
 */
final class YearOnly {

    /** What free text says instead of a date (or a birth year) 90 or more years back. */
    static final String NINETY_OR_MORE_YEARS_AGO = "[90+ YEARS AGO]";
    /** What free text says instead of a day and month with no year. */
    static final String DATE_WITHOUT_YEAR = "[DATE]";

    private YearOnly() {
    }

    /**
     * True when a birth in {@code year} could make someone older than 89 in the reference year. A
     * difference of 90 may still be an 89-year-old before their birthday: counted as 90+, the safe side.
     */
    static boolean showsAgeOver89(int year, int referenceYear) {
        return referenceYear - year >= 90;
    }

    /** A two-digit year read as the latest year not after the reference year's century turn. */
    static int fullYear(String digits, int referenceYear) {
        int value = Integer.parseInt(digits);
        if (digits.length() == 4) {
            return value;
        }
        int century = referenceYear / 100 * 100;
        return value > referenceYear % 100 ? century - 100 + value : century + value;
    }
}
