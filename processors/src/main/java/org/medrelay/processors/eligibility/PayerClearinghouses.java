package org.medrelay.processors.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which clearinghouse each payer's 270s go through: a table kept as data ({@code medrelay.eligibility.payer-clearinghouses},
 * one {@code payer id<TAB>clearinghouse name} a line, {@code #} comments). A payer not in it goes through the default
 * clearinghouse.
 */
public final class PayerClearinghouses {

    private final Map<String, String> byPayer;

    private PayerClearinghouses(Map<String, String> byPayer) {
        this.byPayer = Map.copyOf(byPayer);
    }

    public static PayerClearinghouses none() {
        return new PayerClearinghouses(Map.of());
    }

    /** @param known the configured clearinghouses: a line naming another is refused, with its line number */
    public static PayerClearinghouses load(Path table, Set<String> known) {
        try {
            return parse(Files.readAllLines(table, StandardCharsets.UTF_8), known, table.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the payer-clearinghouse table " + table, e);
        }
    }

    static PayerClearinghouses parse(List<String> lines, Set<String> known, String source) {
        Map<String, String> byPayer = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length != 2 || cells[0].isBlank() || cells[1].isBlank()) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected payer id, a tab, clearinghouse name");
            }
            String clearinghouse = cells[1].strip();
            if (!known.contains(clearinghouse)) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": no clearinghouse '" + clearinghouse
                        + "' is configured (medrelay.eligibility.clearinghouses, or 'default')");
            }
            if (byPayer.put(cells[0].strip(), clearinghouse) != null) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": payer " + cells[0].strip() + " is routed twice");
            }
        }
        return new PayerClearinghouses(byPayer);
    }

    /** The payers routed to this clearinghouse; for the default one, the payers routed elsewhere (to leave out). */
    public Set<String> payers(String clearinghouse) {
        boolean isDefault = EligibilitySettings.DEFAULT_CLEARINGHOUSE.equals(clearinghouse);
        return byPayer.entrySet().stream().filter(e -> isDefault != e.getValue().equals(clearinghouse)).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public String clearinghouseFor(String payerId) {
        return byPayer.getOrDefault(payerId, EligibilitySettings.DEFAULT_CLEARINGHOUSE);
    }
}
