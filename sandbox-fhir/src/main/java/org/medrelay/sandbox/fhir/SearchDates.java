package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.BaseDateTimeType;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * FHIR dates as the whole days they cover: a date written to the year or month stands for all its days, so
 * {@code birthDate 1980} is 1980-01-01..1980-12-31. Times are cut to their day as written (birthdate is a date;
 * a dateTime searched by day is compared on the day of its own offset).
 */
final class SearchDates {

    /** Both days inclusive. */
    record Span(LocalDate firstDay, LocalDate lastDay) {
    }

    private SearchDates() {
    }

    static Span spanOf(BaseDateTimeType date) {
        return spanOf(date.getValueAsString());
    }

    /** {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}, optionally followed by a time. */
    static Span spanOf(String text) {
        try {
            if (text.length() == 4) {
                int year = Integer.parseInt(text);
                return new Span(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            if (text.length() == 7) {
                YearMonth month = YearMonth.parse(text);
                return new Span(month.atDay(1), month.atEndOfMonth());
            }
            LocalDate day = LocalDate.parse(text.substring(0, Math.min(10, text.length())));
            return new Span(day, day);
        } catch (DateTimeParseException | NumberFormatException e) {
            // The value may be a birth date, which is PHI: say what was expected, not what came.
            throw new InvalidRequestException("A date search value must be yyyy, yyyy-MM or yyyy-MM-dd");
        }
    }
}
