package org.medrelay.mappings.x12.remittance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medrelay.mappings.x12.X12InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every 835 of ../shared/corpus/x12/835 through RemittanceReader and DenialCategorizer: a file the validator
 * refuses (corpus-expected.tsv says refused) is refused by the reader too; every other file yields exactly the
 * claims INDEX.tsv counts (CLP=n), each with a category, whatever its validation outcome.
 */
class RemittanceCorpusTest {

    private static final Pattern CLAIM_COUNT = Pattern.compile("CLP=(\\d+)");
    private static final AtomicInteger FILES = new AtomicInteger();
    private static final AtomicInteger CLAIMS = new AtomicInteger();
    private static final Map<DenialCategory, Integer> CATEGORIES = new java.util.EnumMap<>(DenialCategory.class);

    static Stream<Arguments> files() throws IOException {
        String dir = System.getProperty("medrelay.corpus.dir");
        Path corpus = dir == null ? null : Path.of(dir);
        Assumptions.assumeTrue(corpus != null && Files.isRegularFile(corpus.resolve("INDEX.tsv")),
                "835 corpus test skipped: medrelay.corpus.dir does not point at ../shared/corpus");
        Map<String, String> description = new HashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("INDEX.tsv"), StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t");
            description.put(columns[0], columns.length > 7 ? columns[7] : "");
        }
        Map<String, String> expected = expectedOutcomes();
        try (Stream<Path> files = Files.list(corpus.resolve("x12/835"))) {
            return files.sorted().map(f -> {
                String local = "x12/835/" + f.getFileName();
                return Arguments.of(local, expected.getOrDefault(local, ""), description.getOrDefault(local, ""), f);
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void each835IsReadClaimByClaimOrRefused(String local, String outcome, String description, Path file) {
        FILES.incrementAndGet();
        if (outcome.equals("refused")) {
            assertThrows(X12InputException.class, () -> read(file, (a, c) -> { }), local);
            return;
        }
        Matcher count = CLAIM_COUNT.matcher(description);
        assertFalse(outcome.isEmpty(), local + " is not in corpus-expected.tsv");
        int expectedClaims = count.find() ? Integer.parseInt(count.group(1)) : 0;
        DenialCategorizer categorizer = DenialCategorizer.shipped();
        AtomicInteger claims = new AtomicInteger();
        // A hang guard, not a speed check (a loaded CI machine is slow).
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> read(file, (advice, claim) -> {
            claims.incrementAndGet();
            DenialCategory category = categorizer.categorize(claim).category();
            synchronized (CATEGORIES) {
                CATEGORIES.merge(category, 1, Integer::sum);
            }
        }));
        CLAIMS.addAndGet(claims.get());
        assertEquals(expectedClaims, claims.get(), local + ": claims read against INDEX.tsv " + description);
    }

    private static void read(Path file, RemittanceHandler handler) throws IOException, X12InputException {
        try (InputStream in = Files.newInputStream(file)) {
            new RemittanceReader().read(in, handler);
        }
    }

    @AfterAll
    static void summary() {
        if (FILES.get() > 0) {
            System.out.println("835 corpus: " + FILES.get() + " files, " + CLAIMS.get() + " claims, categories " + CATEGORIES);
        }
    }

    private static Map<String, String> expectedOutcomes() throws IOException {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = RemittanceCorpusTest.class.getResourceAsStream("/x12/corpus-expected.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] columns = line.split("\t");
                    map.put(columns[0], columns[1].split(" ")[0]);
                }
            }
        }
        return map;
    }
}
