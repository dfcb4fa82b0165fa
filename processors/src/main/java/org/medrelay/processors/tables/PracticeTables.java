package org.medrelay.processors.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tables a practice keeps as data (refill protocols, referral intake rules, ...): MedRelay ships a built-in one on
 * the classpath, and the practice's own file, when configured, replaces it whole.
 */
public final class PracticeTables {

    /** Reads one table; {@code source} names it in the errors of a malformed line. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(InputStream in, String source) throws IOException;
    }

    private PracticeTables() {
    }

    public static <T> T builtIn(String resource, Reader<T> reader) {
        try (InputStream in = PracticeTables.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return reader.read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file the practice's table, or null for the built-in one
     * @param what what the table holds, for the error when the file cannot be read, e.g. "refill protocols"
     */
    public static <T> T load(Path file, String builtInResource, String what, Reader<T> reader) {
        if (file == null) {
            return builtIn(builtInResource, reader);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + file, e);
        }
    }
}
