package org.medrelay.processors.deid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.regex.Pattern;

/** Sessions on a fixed day (2026-11-24, so ages are stable) and the synthetic samples of test-data. */
final class TestSessions {

    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
    static final DeidentificationPolicy POLICY = DeidentificationPolicy.safeHarbor().withClock(TODAY);
    static final Pattern TOKEN = Pattern.compile("\\[([A-Z]+)-\\d+]");
    /** A pseudonym as a FHIR resource id, where brackets may not stand: {@code Patient/ID-12345}. */
    static final Pattern RESOURCE_ID_TOKEN = Pattern.compile("(?<![\\p{L}\\p{N}])ID-\\d+(?![\\p{L}\\p{N}])");

    private TestSessions() {
    }

    static DeidentificationSession session() {
        return new DeidentificationSession(POLICY);
    }

    static DeidentificationSession seeded(long seed) {
        return new DeidentificationSession(POLICY, new Random(seed));
    }

    static String sample(String path, Charset charset) {
        String resource = "medrelay-test-data/" + path;
        try (InputStream in = TestSessions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test data missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text with its pseudonym tokens taken out. Token numbers are random, so a check that no digit of an
     * original value is left must not look inside them ([PHONE-85557] holds "555" by chance).
     */
    static String withoutPseudonyms(String text) {
        return RESOURCE_ID_TOKEN.matcher(TOKEN.matcher(text).replaceAll("")).replaceAll("");
    }

    /** True when {@code value} stands in {@code text} as a whole word (not inside a longer one). */
    static boolean containsWord(String text, String value) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])").matcher(text).find();
    }
}
