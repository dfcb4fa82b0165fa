package org.medrelay.processors.priorauth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The payer requirements table the practice maintains: a tab-separated file (payer, plan, system, codes, required,
 * channel, turnaround-days, documentation, reason; # comments). MedRelay ships an example,
 * {@code priorauth/requirements.tsv}; the practice's own file replaces it (e.g. {@code medrelay priorauth check --requirements}).
 * A malformed line is refused with its line number, so a typo never silently changes a decision.
 */
public final class PriorAuthRequirements {

    static final String SHIPPED = "priorauth/requirements.tsv";
    private static final int COLUMNS = 9;

    private final List<PriorAuthRule> bySpecificity;

    private PriorAuthRequirements(List<PriorAuthRule> rules) {
        List<PriorAuthRule> sorted = new ArrayList<>(rules);
        // stable: among equally specific lines the first in the file wins
        sorted.sort(Comparator.comparingInt(PriorAuthRule::specificity).reversed());
        this.bySpecificity = List.copyOf(sorted);
    }

    public static PriorAuthRequirements shipped() {
        try (InputStream in = PriorAuthRequirements.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("prior-authorization requirements missing from the classpath: " + SHIPPED);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PriorAuthRequirements fromFile(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static PriorAuthRequirements parse(List<String> lines, String source) {
        List<PriorAuthRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1);
            String[] columns = line.split("\t");
            if (columns.length != COLUMNS || Arrays.stream(columns).anyMatch(String::isBlank)) {
                throw new IllegalArgumentException(where + ": expected " + COLUMNS + " tab-separated columns: payer, plan, "
                        + "system, codes, required, channel, turnaround-days, documentation, reason");
            }
            try {
                rules.add(new PriorAuthRule(columns[0].strip(), columns[1].strip(), columns[2].strip(), columns[3].strip(),
                        yesOrNo(columns[4].strip()), SubmissionChannel.ofWord(columns[5].strip()), days(columns[6].strip()),
                        documentation(columns[7].strip()), columns[8].strip(), where));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return new PriorAuthRequirements(rules);
    }

    /** The most specific line for a service ordered under a payer and plan. */
    public Optional<PriorAuthRule> find(PayerPlan payerPlan, OrderedService service) {
        return bySpecificity.stream().filter(r -> r.matches(payerPlan, service)).findFirst();
    }

    private static boolean yesOrNo(String value) {
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("required must be yes or no, not '" + value + "'");
        };
    }

    private static int days(String value) {
        try {
            int days = Integer.parseInt(value);
            if (days >= 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("turnaround-days must be a whole number of days, not '" + value + "'");
    }

    private static List<String> documentation(String value) {
        return "-".equals(value) ? List.of() : Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
