package org.medrelay.mappings.fhir;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts HL7 text to the lexical form of a FHIR primitive, or null when the text is not a valid
 * value of that type (the element is then left out, not the message refused: a birth date written
 * "Aug 15, 1942" should not stop an order). HL7 times without an offset are read in the configured
 * zone, because FHIR requires a zone on every time.
 */
final class FhirPrimitives {

    /** HL7 TS/DTM: YYYY[MM[DD[HH[MM[SS[.S{1,4}]]]]]][+/-ZZZZ]. */
    private static final Pattern HL7_TIMESTAMP = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\.\\d{1,6})?([+-]\\d{4})?");
    private static final Pattern HL7_TIME = Pattern.compile("(\\d{2})(\\d{2})?(\\d{2})?(\\.\\d{1,6})?([+-]\\d{4})?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private FhirPrimitives() {
    }

    static String convert(String fhirType, String text, ZoneId zone) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return switch (fhirType) {
                case "date" -> date(value);
                case "dateTime" -> dateTime(value, zone, false);
                case "instant" -> dateTime(value, zone, true);
                case "time" -> time(value);
                case "decimal" -> decimal(value);
                case "integer", "unsignedInt" -> DIGITS.matcher(value).matches() ? String.valueOf(Integer.parseInt(value)) : null;
                case "positiveInt" -> DIGITS.matcher(value).matches() && Integer.parseInt(value) > 0
                        ? String.valueOf(Integer.parseInt(value)) : null;
                case "boolean" -> bool(value);
                case "id" -> FHIR_ID.matcher(value).matches() ? value : null;
                case "base64Binary" -> value.replaceAll("\\s+", "");
                default -> value;
            };
        } catch (DateTimeException | NumberFormatException invalid) {
            return null;
        }
    }

    private static String date(String value) {
        Matcher m = timestamp(value);
        if (m == null) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return String.format(Locale.ROOT, "%04d", year);
        }
        int month = Integer.parseInt(m.group(2));
        if (m.group(3) == null) {
            LocalDate.of(year, month, 1);
            return String.format(Locale.ROOT, "%04d-%02d", year, month);
        }
        return LocalDate.of(year, month, Integer.parseInt(m.group(3))).toString();
    }

    private static String dateTime(String value, ZoneId zone, boolean instant) {
        Matcher m = timestamp(value);
        if (m == null) {
            return null;
        }
        if (m.group(4) == null && !instant) {
            return date(value);
        }
        if (m.group(3) == null) {
            return null;
        }
        LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        LocalTime time = LocalTime.of(number(m.group(4)), number(m.group(5)), number(m.group(6)),
                fractionNanos(m.group(7)));
        LocalDateTime local = LocalDateTime.of(day, time);
        ZoneOffset offset = m.group(8) != null ? ZoneOffset.of(m.group(8).substring(0, 3) + ":" + m.group(8).substring(3))
                : zone.getRules().getOffset(local);
        return local.atOffset(offset).format(m.group(7) != null ? MILLIS : SECONDS);
    }

    private static String time(String value) {
        Matcher m = HL7_TIME.matcher(value);
        if (!m.matches()) {
            return null;
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), number(m.group(2)), number(m.group(3)))
                .format(DateTimeFormatter.ISO_LOCAL_TIME);
    }

    private static String decimal(String value) {
        String trimmed = value.startsWith("+") ? value.substring(1) : value;
        return DECIMAL.matcher(value).matches() ? new BigDecimal(trimmed).toPlainString() : null;
    }

    private static String bool(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "Y", "YES", "T", "TRUE", "1" -> "true";
            case "N", "NO", "F", "FALSE", "0" -> "false";
            default -> null;
        };
    }

    private static Matcher timestamp(String value) {
        Matcher m = HL7_TIMESTAMP.matcher(value);
        return m.matches() ? m : null;
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    private static int fractionNanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String digits = (fraction.substring(1) + "000000000").substring(0, 9);
        return Integer.parseInt(digits);
    }
}
