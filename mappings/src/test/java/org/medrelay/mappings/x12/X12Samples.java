package org.medrelay.mappings.x12;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The synthetic X12 samples of test-data, and helpers to read and validate bytes. */
final class X12Samples {

    private X12Samples() {
    }

    static byte[] sample(String name) {
        try (InputStream in = X12Samples.class.getResourceAsStream("/medrelay-test-data/x12/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(sample(name), StandardCharsets.ISO_8859_1);
    }

    static X12ValidationReport validate(byte[] bytes) {
        try {
            return new X12Validator().validate(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X12ValidationReport validate(String text) {
        return validate(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
