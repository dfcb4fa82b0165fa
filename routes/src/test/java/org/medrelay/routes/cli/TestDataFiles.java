package org.medrelay.routes.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A synthetic sample of test-data copied to a file, as a CLI command is given one. */
final class TestDataFiles {

    private TestDataFiles() {
    }

    /** @param name the sample's path under {@code test-data/}, e.g. {@code hl7v2/orm-o01-prior-auth-mri.hl7} */
    static Path copy(Path dir, String name) throws IOException {
        Path file = dir.resolve(name.replace('/', '-'));
        try (InputStream in = TestDataFiles.class.getResourceAsStream("/medrelay-test-data/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test data missing from the classpath: " + name);
            }
            Files.write(file, in.readAllBytes());
        }
        return file;
    }
}
