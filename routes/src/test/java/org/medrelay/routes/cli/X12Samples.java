package org.medrelay.routes.cli;

import java.io.IOException;
import java.nio.file.Path;

/** A synthetic X12 sample of test-data copied to a file, as a CLI command is given one. */
final class X12Samples {

    private X12Samples() {
    }

    /** @param name the sample's path under {@code test-data/x12/}, e.g. {@code 271/271-active-coverage.x12} */
    static Path copy(Path dir, String name) throws IOException {
        return TestDataFiles.copy(dir, "x12/" + name);
    }
}
