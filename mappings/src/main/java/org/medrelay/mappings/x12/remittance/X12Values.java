package org.medrelay.mappings.x12.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Element values of an 835 as Java types. X12 amounts (R) and dates (DT, CCYYMMDD) that are empty or garbled
 * read as empty; the validator reports them, so a garbled value never stops the read.
 */
final class X12Values {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private X12Values() {
    }

    static Optional<BigDecimal> decimal(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An amount the guide requires (CLP03, CLP04, SVC02, SVC03, CAS03): zero when missing or garbled. */
    static BigDecimal amount(String value) {
        return decimal(value).orElse(BigDecimal.ZERO);
    }

    static Optional<LocalDate> date(String value) {
        if (value == null || value.length() != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value, CCYYMMDD));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
