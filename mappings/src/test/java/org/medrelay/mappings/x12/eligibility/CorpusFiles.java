package org.medrelay.mappings.x12.eligibility;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared corpus is: the system property medrelay.corpus.dir the build sets (see X12CorpusTest). */
final class CorpusFiles {

    private CorpusFiles() {
    }

    static Path corpus() {
        String dir = System.getProperty("medrelay.corpus.dir");
        Path corpus = dir == null ? null : Path.of(dir);
        Assumptions.assumeTrue(corpus != null && Files.isRegularFile(corpus.resolve("INDEX.tsv")),
                "skipped: system property medrelay.corpus.dir does not point at ../shared/corpus");
        return corpus;
    }

    static Path x12(String local) {
        return corpus().resolve("x12").resolve(local);
    }
}
