package org.medrelay.mappings.x12.remittance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CARC or RARC code list read from a tab-separated file: code, description, start date, stop date (empty
 * while active); lines starting with # are comments. MedRelay ships a subset ({@code x12/remittance/carc.tsv},
 * {@code rarc.tsv}); the authoritative lists are published by WPC for X12 and an operator can load the licensed
 * full list from a file of the same columns.
 */
public final class AdjustmentCodeList {

    private final String name;
    private final Map<String, AdjustmentCode> codes;

    private AdjustmentCodeList(String name, Map<String, AdjustmentCode> codes) {
        this.name = name;
        this.codes = Map.copyOf(codes);
    }

    public static AdjustmentCodeList shippedCarcs() {
        return fromClasspath("x12/remittance/carc.tsv", "CARC");
    }

    public static AdjustmentCodeList shippedRarcs() {
        return fromClasspath("x12/remittance/rarc.tsv", "RARC");
    }

    public static AdjustmentCodeList fromFile(Path file, String name) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString(), name);
    }

    private static AdjustmentCodeList fromClasspath(String resource, String name) {
        try (InputStream in = AdjustmentCodeList.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(name + " list missing from the classpath: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), resource, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AdjustmentCodeList parse(List<String> lines, String source, String name) {
        Map<String, AdjustmentCode> codes = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length < 3) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected code, description, start, stop");
            }
            try {
                Optional<LocalDate> stop = columns.length > 3 && !columns[3].isBlank() ? Optional.of(LocalDate.parse(columns[3].strip())) : Optional.empty();
                codes.put(columns[0].strip(), new AdjustmentCode(columns[0].strip(), columns[1].strip(), LocalDate.parse(columns[2].strip()), stop));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": dates are YYYY-MM-DD", e);
            }
        }
        return new AdjustmentCodeList(name, codes);
    }

    public Optional<AdjustmentCode> find(String code) {
        return Optional.ofNullable(codes.get(code));
    }

    /** "CARC 42 (Charges exceed ...), retired 2007-06-30": how a reason names a code, on the claim's date if known. */
    public String describe(String code, Optional<LocalDate> onDate) {
        return find(code).map(c -> name + " " + code + " (" + c.description() + ")"
                        + (onDate.map(c::activeOn).orElse(true) ? "" : c.stop().map(s -> ", retired " + s).orElse(", not yet valid then")))
                .orElse(name + " " + code + " (not in MedRelay's " + name + " list)");
    }

    public int size() {
        return codes.size();
    }
}
