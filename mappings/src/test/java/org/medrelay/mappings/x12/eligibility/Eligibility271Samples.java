package org.medrelay.mappings.x12.eligibility;

import org.medrelay.mappings.x12.X12InputException;
import org.medrelay.mappings.x12.X12Reader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the 271 responses of a synthetic sample or a corpus file. */
final class Eligibility271Samples {

    private Eligibility271Samples() {
    }

    static List<EligibilityResponse> sample(String name) {
        try (InputStream in = Eligibility271Samples.class.getResourceAsStream("/medrelay-test-data/x12/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<EligibilityResponse> file(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    private static List<EligibilityResponse> read(InputStream in) throws IOException {
        List<EligibilityResponse> responses = new ArrayList<>();
        try {
            new X12Reader().read(in, new Eligibility271Handler(responses::add));
        } catch (X12InputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return responses;
    }
}
