package org.medrelay.processors.remittance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long each payer gives to appeal a claim decision, in days from the remittance (its BPR16 payment date): a table a
 * billing lead keeps, {@code payer id<TAB>days<TAB>note}, one payer per line, {@code #} for comments. The payer id is
 * the 835's N1*PR N104 or, when the payer sends none there, TRN03 (the payer's originating company id). A payer not in
 * the table gets the default. A malformed line is refused with its line number.
 */
public final class AppealWindows {

    static final String SHIPPED = "/remittance/payer-appeal-windows.tsv";
    private final Map<String, Integer> days;
    private final int defaultDays;

    AppealWindows(Map<String, Integer> days, int defaultDays) {
        this.days = Map.copyOf(days);
        this.defaultDays = defaultDays;
    }

    /** @param file the operator's table, or null for the shipped one */
    public static AppealWindows load(Path file, int defaultDays) throws IOException {
        if (defaultDays < 1) {
            throw new IllegalArgumentException("the default appeal window must be at least one day, was " + defaultDays);
        }
        if (file == null) {
            try (InputStream in = Objects.requireNonNull(AppealWindows.class.getResourceAsStream(SHIPPED), SHIPPED)) {
                return parse(in, SHIPPED, defaultDays);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString(), defaultDays);
        }
    }

    private static AppealWindows parse(InputStream in, String name, int defaultDays) throws IOException {
        Map<String, Integer> days = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            try {
                int window = Integer.parseInt(columns.length > 1 ? columns[1].strip() : "");
                if (columns[0].isBlank() || window < 1) {
                    throw new NumberFormatException();
                }
                days.put(columns[0].strip(), window);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " line " + number
                        + ": expected a payer id, a tab and a number of days (at least 1)");
            }
        }
        return new AppealWindows(days, defaultDays);
    }

    public int daysFor(String payerId) {
        return days.getOrDefault(payerId, defaultDays);
    }

    /** The last day to appeal a decision made on {@code decided}. */
    public LocalDate deadline(String payerId, LocalDate decided) {
        return decided.plusDays(daysFor(payerId));
    }
}
