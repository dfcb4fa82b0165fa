package org.medrelay.processors.fax;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * High-precision rules for strong signals ("PRIOR AUTHORIZATION" with a decision and a reference number, a pharmacy's
 * refill form, a request for records), read from a table an operator can change ({@code fax-rules.tsv}: type, then
 * patterns that must all be found).
 */
public final class FaxRules {

    static final String SHIPPED = "/org/medrelay/processors/fax/fax-rules.tsv";

    private record Rule(FaxType type, List<Pattern> patterns) {
    }

    /** A rule that fired: its type and what each of its patterns matched, as found in the fax. */
    public record Match(FaxType type, List<String> matched) {
    }

    private final List<Rule> rules;

    private FaxRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static FaxRules shipped() {
        try (InputStream in = FaxRules.class.getResourceAsStream(SHIPPED)) {
            return parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SHIPPED, e);
        }
    }

    public static FaxRules parse(InputStream table) throws IOException {
        List<Rule> rules = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(table, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length < 2) {
                throw new IOException("fax rules line " + lineNumber + ": a type and at least one pattern, tab-separated");
            }
            List<Pattern> patterns = new ArrayList<>();
            for (int i = 1; i < columns.length; i++) {
                patterns.add(Pattern.compile(columns[i], Pattern.CASE_INSENSITIVE));
            }
            rules.add(new Rule(FaxType.fromWord(columns[0].strip()), patterns));
        }
        return new FaxRules(rules);
    }

    /** The first rule whose patterns are all found in {@code text}. */
    public Optional<Match> match(String text) {
        String flat = text.replaceAll("\\s+", " ");
        for (Rule rule : rules) {
            List<String> matched = new ArrayList<>();
            for (Pattern pattern : rule.patterns()) {
                Matcher matcher = pattern.matcher(flat);
                if (!matcher.find()) {
                    break;
                }
                matched.add(matcher.group().strip());
            }
            if (matched.size() == rule.patterns().size()) {
                return Optional.of(new Match(rule.type(), matched));
            }
        }
        return Optional.empty();
    }
}
