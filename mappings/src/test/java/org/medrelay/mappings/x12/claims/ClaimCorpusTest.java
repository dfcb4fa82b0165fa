package org.medrelay.mappings.x12.claims;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medrelay.mappings.x12.X12Handler;
import org.medrelay.mappings.x12.X12InputException;
import org.medrelay.mappings.x12.X12Reader;
import org.medrelay.mappings.x12.X12Segment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every 837 of ../shared/corpus/x12/837 through {@link ClaimReader}: a file that can be lexed gives one claim per
 * CLM of its 837 transaction sets (counted by a plain X12Reader pass), each with its CLM01 and one line per LX;
 * a file that cannot is refused with a message naming where. The 60 s limit is a hang guard, not a speed check.
 */
class ClaimCorpusTest {

    private static final Duration PER_FILE = Duration.ofSeconds(60);

    static Stream<Arguments> claimFiles() throws IOException {
        String dir = System.getProperty("medrelay.corpus.dir");
        Path corpus = dir == null ? null : Path.of(dir);
        Assumptions.assumeTrue(corpus != null && Files.isDirectory(corpus.resolve("x12/837")),
                "837 corpus test skipped: system property medrelay.corpus.dir does not point at ../shared/corpus");
        Map<String, String> status = new HashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("INDEX.tsv"), StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t");
            status.put(columns[0], columns[1]);
        }
        try (Stream<Path> files = Files.list(corpus.resolve("x12/837"))) {
            return files.sorted().map(f -> Arguments.of(f.getFileName().toString(),
                    status.getOrDefault("x12/837/" + f.getFileName(), "unlisted"), f)).toList().stream();
        }
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("claimFiles")
    void everyClmIsOneClaimOnFileOrTheFileIsRefusedSayingWhere(String name, String status, Path file) {
        assertTimeoutPreemptively(PER_FILE, () -> {
            List<ClaimOnFile> claims = new ArrayList<>();
            List<String> clm01s = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file)) {
                new ClaimReader().read(in, claims::add);
            } catch (X12InputException e) {
                assertTrue(e.getMessage().matches(".*(segment|offset|position|ISA).*"), "a refusal names where: " + e.getMessage());
                return;
            }
            try (InputStream in = Files.newInputStream(file)) {
                new X12Reader().read(in, new X12Handler() {
                    private boolean in837;

                    @Override
                    public void segment(X12Segment segment) {
                        if ("ST".equals(segment.id())) {
                            in837 = "837".equals(segment.element(1));
                        } else if (in837 && "CLM".equals(segment.id())) {
                            clm01s.add(segment.element(1));
                        }
                    }
                });
            }
            assertEquals(clm01s, claims.stream().map(ClaimOnFile::patientControlNumber).toList(), name);
            for (ClaimOnFile claim : claims) {
                long lx = claim.segments().stream().dropWhile(s -> !"CLM".equals(s.id())).filter(s -> "LX".equals(s.id())).count();
                assertEquals(lx, claim.lines().size(), name + " " + claim.patientControlNumber());
            }
        });
    }
}
