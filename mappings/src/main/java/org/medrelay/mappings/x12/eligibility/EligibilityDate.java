package org.medrelay.mappings.x12.eligibility;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A DTP of a 271: DTP01 qualifier (291 plan, 292 benefit, 307 eligibility, 346 plan begin, 347 plan end,
 * 348 benefit begin, 349 benefit end, 356 eligibility begin, 357 eligibility end...), and the date or range
 * (DTP02 D8 one date, RD8 CCYYMMDD-CCYYMMDD). A single date has {@code end} equal to {@code start}.
 */
public record EligibilityDate(String qualifier, LocalDate start, LocalDate end) {

    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    /** The DTP's date, or empty when DTP03 is not a date its DTP02 format allows (the validator reports those). */
    static Optional<EligibilityDate> of(String qualifier, String format, String value) {
        try {
            if ("RD8".equals(format) && value.length() == 17 && value.charAt(8) == '-') {
                return Optional.of(new EligibilityDate(qualifier, LocalDate.parse(value.substring(0, 8), D8),
                        LocalDate.parse(value.substring(9), D8)));
            }
            if ("D8".equals(format) && value.length() == 8) {
                LocalDate date = LocalDate.parse(value, D8);
                return Optional.of(new EligibilityDate(qualifier, date, date));
            }
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public boolean range() {
        return !start.equals(end);
    }
}
