package org.medrelay.processors.fax;

import java.time.Duration;
import java.util.function.Function;

/**
 * Fax intake's {@code medrelay.fax.*} properties, documented with their defaults in the engine's
 * {@code medrelay-defaults.properties}.
 *
 * @param ocrCommand       the Tesseract executable (Debian package {@code tesseract-ocr})
 * @param ocrLanguage      Tesseract's language ({@code eng} comes with {@code tesseract-ocr})
 * @param ocrTimeout       the limit for one page's OCR; a page over it makes the fax unreadable
 * @param renderDpi        resolution at which image-only PDF pages are rendered for OCR
 * @param minOcrConfidence a fax whose worst page's OCR confidence is below this is unreadable (goes to a person)
 * @param maxPages         pages read per fax at most; a longer fax is unreadable rather than read for minutes
 * @param triageBelow      a classification below this confidence goes to the triage queue
 */
public record FaxSettings(String ocrCommand, String ocrLanguage, Duration ocrTimeout, int renderDpi,
                          double minOcrConfidence, int maxPages, double triageBelow) {

    public static final String PREFIX = "medrelay.fax.";

    public static FaxSettings defaults() {
        return fromProperties(key -> null);
    }

    /** @param property the configuration, key to value; a missing key takes the default */
    public static FaxSettings fromProperties(Function<String, String> property) {
        Function<String, String> read = key -> {
            String value = property.apply(PREFIX + key);
            return value == null || value.isBlank() ? null : value.trim();
        };
        return new FaxSettings(
                text(read, "ocr.command", "tesseract"),
                text(read, "ocr.language", "eng"),
                Duration.ofSeconds(number(read, "ocr.timeout-seconds", 60)),
                (int) number(read, "ocr.dpi", 300),
                fraction(read, "ocr.min-confidence", 0.50),
                (int) number(read, "max-pages", 50),
                fraction(read, "triage-below", 0.80));
    }

    public FaxSettings withTriageBelow(double threshold) {
        return new FaxSettings(ocrCommand, ocrLanguage, ocrTimeout, renderDpi, minOcrConfidence, maxPages, threshold);
    }

    private static String text(Function<String, String> read, String key, String fallback) {
        String value = read.apply(key);
        return value == null ? fallback : value;
    }

    private static long number(Function<String, String> read, String key, long fallback) {
        String value = read.apply(key);
        try {
            long parsed = value == null ? fallback : Long.parseLong(value);
            if (parsed <= 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a positive whole number, was '" + value + "'");
        }
    }

    private static double fraction(Function<String, String> read, String key, double fallback) {
        String value = read.apply(key);
        try {
            double parsed = value == null ? fallback : Double.parseDouble(value);
            if (parsed < 0 || parsed > 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a number from 0 to 1, was '" + value + "'");
        }
    }
}
