package org.medrelay.processors.refill;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.medrelay.processors.tables.PracticeTables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The practice's refill protocols, a tab-separated table (see {@code refill/refill-protocols.tsv} for the columns):
 * the built-in one, or the file {@code medrelay.refill.protocols-file} names. A malformed row stops loading with its
 * line number, so a typo never silently drops a rule.
 */
public final class RefillProtocols {

    public static final String BUILT_IN = "refill/refill-protocols.tsv";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final int COLUMNS = 9;

    private final List<RefillProtocol> protocols;

    RefillProtocols(List<RefillProtocol> protocols) {
        this.protocols = List.copyOf(protocols);
    }

    public static RefillProtocols builtIn() {
        return PracticeTables.builtIn(BUILT_IN, RefillProtocols::read);
    }

    /** @param file the practice's table, or null for the built-in one */
    public static RefillProtocols load(Path file) {
        return PracticeTables.load(file, BUILT_IN, "refill protocols", RefillProtocols::read);
    }

    static RefillProtocols read(InputStream in, String source) throws IOException {
        List<RefillProtocol> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                rows.add(row(line.split("\t", -1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage(), e);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no refill protocol");
        }
        return new RefillProtocols(rows);
    }

    private static RefillProtocol row(String[] c) {
        if (c.length != COLUMNS) {
            throw new IllegalArgumentException(COLUMNS + " tab-separated columns expected, found " + c.length);
        }
        Optional<MonitoringLab> lab = "-".equals(c[4].trim()) ? Optional.empty()
                : Optional.of(new MonitoringLab(c[4].trim(), list(c[5]), days(c[6], "lab_days")));
        OptionalInt bp = "-".equals(c[7].trim()) ? OptionalInt.empty() : OptionalInt.of(days(c[7], "bp_days"));
        return new RefillProtocol(c[0].trim(), list(c[1]), List.copyOf(list(c[2])), days(c[3], "visit_days"), lab, bp,
                DeaSchedule.parse(c[8].trim()));
    }

    private static Set<String> list(String column) {
        String value = column.trim();
        if (value.equals("-") || value.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static int days(String column, String name) {
        try {
            return Integer.parseInt(column.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of days, was '" + column.trim() + "'");
        }
    }

    /** The protocols of every class the drug belongs to (a combination pill may be of two); empty when none covers it. */
    public List<RefillProtocol> covering(CodeableConcept medication) {
        Set<String> rxnorm = medication.getCoding().stream().filter(c -> RXNORM.equals(c.getSystem()))
                .map(Coding::getCode).collect(Collectors.toSet());
        String text = drugText(medication);
        return protocols.stream().filter(p -> p.recognises(rxnorm, text)).toList();
    }

    public List<RefillProtocol> all() {
        return protocols;
    }

    /** The drug as a person reads it: the text, else the first coding's display, else its code. */
    static String drugName(CodeableConcept medication) {
        if (medication.hasText()) {
            return medication.getText();
        }
        return medication.getCoding().stream().map(c -> c.hasDisplay() ? c.getDisplay() : c.getCode())
                .filter(java.util.Objects::nonNull).findFirst().orElse("");
    }

    static String drugText(CodeableConcept medication) {
        StringBuilder text = new StringBuilder(medication.getText() == null ? "" : medication.getText());
        medication.getCoding().forEach(c -> text.append(' ').append(c.getDisplay() == null ? "" : c.getDisplay()));
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
