package org.medrelay.mappings.hl7v2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The synthetic HL7v2 samples of the test-data module, as the classpath holds them. */
public final class SyntheticSamples {

    private SyntheticSamples() {
    }

    public static byte[] bytes(String name) {
        String resource = "medrelay-test-data/hl7v2/" + name;
        try (InputStream in = SyntheticSamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test data missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
