package org.medrelay.mappings.x12.claims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The claim corrections table: shipped in {@code x12/remittance/claim-corrections.tsv}, or an operator's file of the same columns. */
public final class ClaimCorrections {

    private static final String SHIPPED = "x12/remittance/claim-corrections.tsv";
    private final Map<String, ClaimCorrection> byCode;

    private ClaimCorrections(Map<String, ClaimCorrection> byCode) {
        this.byCode = byCode;
    }

    public static ClaimCorrections shipped() {
        try (InputStream in = ClaimCorrections.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ClaimCorrections fromFile(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    static ClaimCorrections parse(String text, String source) {
        Map<String, ClaimCorrection> rules = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 5) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": 5 tab-separated columns expected, found " + columns.length);
            }
            try {
                ClaimCorrection rule = new ClaimCorrection(ClaimCorrection.Kind.valueOf(columns[0].strip().toUpperCase(Locale.ROOT)),
                        columns[1].strip(), ClaimCorrection.Change.valueOf(columns[2].strip().toUpperCase(Locale.ROOT).replace('-', '_')),
                        columns[3].strip(), columns[4].strip());
                rules.put(rule.kind() + " " + rule.code(), rule);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": kind must be carc or rarc, change "
                        + "corrected-insured, corrected-payer or flag", e);
            }
        }
        return new ClaimCorrections(rules);
    }

    public Optional<ClaimCorrection> forCarc(String carc) {
        return Optional.ofNullable(byCode.get("CARC " + carc));
    }

    public Optional<ClaimCorrection> forRarc(String rarc) {
        return Optional.ofNullable(byCode.get("RARC " + rarc));
    }
}
