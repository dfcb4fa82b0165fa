package org.medrelay.mappings.x12;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every X12 file of ../shared/corpus: files marked ok, quirk or envelope-issues are read to their end (an
 * envelope issue is a finding, not a crash); truncated, fragment, invalid and invalid-per-source files are
 * refused with a message naming the position, or read with findings; none takes more than a few seconds.
 * Each file's outcome (valid, refused, or the 999/TA1 codes found) is asserted against
 * x12/corpus-expected.tsv, which gives the reason for every 270/271/999/TA1 file that is not valid.
 */
class X12CorpusTest {

    private static final Set<String> READABLE = Set.of("ok", "quirk", "envelope-issues");
    /** A hang guard, not a speed check: under a load average of 17 a 332 KB file took over 5 s here. */
    private static final Duration PER_FILE = Duration.ofSeconds(60);
    private static final Map<String, String> EXPECTED = expected();
    private static final Map<String, Integer> TALLY = new TreeMap<>();

    static Stream<Arguments> corpusFiles() throws IOException {
        String dir = System.getProperty("medrelay.corpus.dir");
        Path corpus = dir == null ? null : Path.of(dir);
        Assumptions.assumeTrue(corpus != null && Files.isRegularFile(corpus.resolve("INDEX.tsv")),
                "X12 corpus test skipped: system property medrelay.corpus.dir does not point at ../shared/corpus");
        Map<String, String> status = new HashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("INDEX.tsv"), StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t");
            status.put(columns[0], columns[1]);
        }
        try (Stream<Path> files = Files.walk(corpus.resolve("x12"))) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(f -> corpus.relativize(f).toString().replace('\\', '/'))
                    .map(local -> Arguments.of(local, status.getOrDefault(local, "unlisted"), corpus.resolve(local)))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("corpusFiles")
    void fileIsReadValidatedOrRefusedAsExpected(String localPath, String status, Path file) {
        X12ValidationReport report = assertTimeoutPreemptively(PER_FILE, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                return new X12Validator().validate(in);
            }
        });
        String outcome = X12Outcome.of(report);
        tally(status, outcome);
        String expected = EXPECTED.get(localPath);
        assertNotNull(expected, localPath + " has no expected outcome; it was: " + outcome);
        assertEquals(expected, outcome, localPath);
        if (READABLE.contains(status) && !expected.equals("refused")) {
            assertFalse(report.interchanges().isEmpty(), "a usable file yields its interchanges");
        }
        report.failure().ifPresent(e -> assertTrue(e.getMessage().matches(".*(segment|offset|position|ISA).*"),
                "a refusal names where: " + e.getMessage()));
    }

    private static synchronized void tally(String status, String outcome) {
        TALLY.merge(status + " -> " + outcome.split(" ")[0], 1, Integer::sum);
    }

    @AfterAll
    static void printSummary() {
        if (!TALLY.isEmpty()) {
            System.out.println("X12 corpus: " + TALLY);
        }
    }

    /** local path TAB outcome TAB reason; lines starting with # are comments. */
    private static Map<String, String> expected() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = X12CorpusTest.class.getResourceAsStream("/x12/corpus-expected.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    map.put(columns[0], columns[1]);
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("x12/corpus-expected.tsv missing from the test classpath", e);
        }
        return map;
    }
}
