package org.medrelay.mappings.x12.remittance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The denial rules table: a tab-separated file a billing lead can read and change (group, carc, rarc, category,
 * reason; # comments). MedRelay ships {@code x12/remittance/denial-rules.tsv}; an operator's own file replaces it.
 * A malformed line is refused with its line number, so a typo never silently changes a decision.
 */
public final class DenialRules {

    private final List<DenialRule> bySpecificity;

    private DenialRules(List<DenialRule> rules) {
        List<DenialRule> sorted = new ArrayList<>(rules);
        // stable: among equally specific rules the first in the file wins
        sorted.sort(Comparator.comparingInt(DenialRule::specificity).reversed());
        this.bySpecificity = List.copyOf(sorted);
    }

    public static DenialRules shipped() {
        String resource = "x12/remittance/denial-rules.tsv";
        try (InputStream in = DenialRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("denial rules missing from the classpath: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DenialRules fromFile(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static DenialRules parse(List<String> lines, String source) {
        List<DenialRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 5 || List.of(columns).stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException(source + " line " + (i + 1)
                        + ": expected 5 tab-separated columns: group, carc, rarc, category, reason");
            }
            try {
                rules.add(new DenialRule(columns[0].strip(), columns[1].strip(), columns[2].strip(),
                        DenialCategory.ofWord(columns[3].strip()), columns[4].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new DenialRules(rules);
    }

    /** The most specific rule for an adjustment, given the remark codes in its scope. */
    public Optional<DenialRule> find(Adjustment adjustment, Collection<String> remarkCodes) {
        return bySpecificity.stream().filter(r -> r.matches(adjustment, remarkCodes)).findFirst();
    }

    public int size() {
        return bySpecificity.size();
    }
}
