package org.medrelay.processors.deid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a rule table shipped in {@code deid/}: tab-separated columns, {@code #} comments, blank lines skipped. */
final class RuleFile {

    private RuleFile() {
    }

    static List<String[]> rows(String name) {
        String resource = "deid/" + name;
        try (InputStream in = RuleFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule table missing from the classpath: " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    String[] columns = trimmed.split("\t");
                    for (int i = 0; i < columns.length; i++) {
                        columns[i] = columns[i].strip();
                    }
                    rows.add(columns);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule table " + resource, e);
        }
    }
}
