package org.medrelay.routes.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** {@code --since}: an ISO-8601 instant with {@code Z} or an offset ({@code 2026-11-01T08:00:00Z}), or a date, taken as UTC. */
final class SinceConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not an ISO-8601 date or instant"
                    + " (e.g. 2026-11-01 or 2026-11-01T08:00:00Z)");
        }
    }
}
