package org.medrelay.mappings.x12.priorauth;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A DTP date (D8) or range (RD8) of a 278: a service date, an event date, a certification's effective span. */
public record ReviewPeriod(LocalDate start, LocalDate end) {

    /** DTP02 D8 CCYYMMDD or RD8 CCYYMMDD-CCYYMMDD; empty for any other format or a date that is not one. */
    public static Optional<ReviewPeriod> of(String format, String value) {
        try {
            if ("D8".equals(format) && value.length() == 8) {
                LocalDate day = date(value);
                return Optional.of(new ReviewPeriod(day, day));
            }
            if ("RD8".equals(format) && value.length() == 17 && value.charAt(8) == '-') {
                return Optional.of(new ReviewPeriod(date(value.substring(0, 8)), date(value.substring(9))));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static LocalDate date(String ccyymmdd) {
        return LocalDate.parse(ccyymmdd, DateTimeFormatter.BASIC_ISO_DATE);
    }
}
