package org.medrelay.mappings.fhir;

import org.medrelay.mappings.hl7v2.Hl7Repetition;
import org.medrelay.mappings.hl7v2.Hl7Segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the values one rule stands for, before conversion to FHIR: the source (from, join,
 * collect, authority, const), then the code lookup (map, table), then the default.
 */
final class SourceReader {

    private final IdentifierSystems identifierSystems;
    private final MappingLibrary library;

    SourceReader(IdentifierSystems identifierSystems, MappingLibrary library) {
        this.identifierSystems = identifierSystems;
        this.library = library;
    }

    /** @param repeating the target element repeats, so every field repetition is a value */
    List<Hl7Repetition> read(Rule rule, MappingScope scope, boolean repeating) {
        List<Hl7Repetition> values = lookup(rule, source(rule, scope, repeating));
        if (values.isEmpty() && rule.defaultValue() != null) {
            return List.of(Hl7Repetition.of(rule.defaultValue()));
        }
        return values;
    }

    private List<Hl7Repetition> source(Rule rule, MappingScope scope, boolean repeating) {
        if (!rule.from().isEmpty()) {
            return from(rule, scope, repeating);
        }
        if (rule.join() != null) {
            return text(join(rule, scope));
        }
        if (rule.collect() != null) {
            return text(collect(rule, scope));
        }
        if (!rule.authority().isEmpty()) {
            return List.of(Hl7Repetition.of(system(rule.authority(), scope)));
        }
        return rule.constant() == null ? List.of() : List.of(Hl7Repetition.of(rule.constant()));
    }

    private static List<Hl7Repetition> from(Rule rule, MappingScope scope, boolean repeating) {
        for (Hl7Path path : rule.from()) {
            List<Hl7Repetition> values = scope.values(path);
            if (values.isEmpty()) {
                continue;
            }
            if (rule.separator() != null) {
                return text(values.stream().map(Hl7Repetition::text).collect(Collectors.joining(rule.separator())));
            }
            return repeating ? values : values.subList(0, 1);
        }
        return List.of();
    }

    private static String join(Rule rule, MappingScope scope) {
        List<String> parts = new ArrayList<>();
        for (Rule.JoinPart part : rule.join()) {
            String text = part instanceof Rule.Literal literal ? literal.text()
                    : ((Rule.Paths) part).alternatives().stream().map(scope::firstText)
                            .filter(t -> !t.isEmpty()).findFirst().orElse("");
            if (text.isEmpty() && !rule.skipEmpty()) {
                return "";
            }
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        return String.join(rule.separator() == null ? "" : rule.separator(), parts);
    }

    /** The values at the path in every segment of its name in the region, those passing {@code where}. */
    private static String collect(Rule rule, MappingScope scope) {
        List<String> texts = new ArrayList<>();
        for (Hl7Segment segment : scope.region(rule.collect().segment())) {
            MappingScope each = scope.withSegment(segment);
            if (rule.where() == null || rule.where().holds(each)) {
                each.values(rule.collect()).forEach(v -> texts.add(v.text()));
            }
        }
        return String.join(rule.separator() == null ? "\n" : rule.separator(), texts);
    }

    /** authority: an HD path (namespace, universal id, its type) or a list of up to four paths, the fourth the identifier type. */
    private String system(List<Hl7Path> authority, MappingScope scope) {
        String namespace;
        String universalId;
        String universalIdType;
        String identifierType = "";
        if (authority.size() == 1) {
            List<Hl7Repetition> hd = scope.values(authority.get(0));
            Hl7Repetition first = hd.isEmpty() ? new Hl7Repetition(List.of()) : hd.get(0);
            namespace = first.value(1, 1);
            universalId = first.value(2, 1);
            universalIdType = first.value(3, 1);
        } else {
            namespace = scope.firstText(authority.get(0));
            universalId = scope.firstText(authority.get(1));
            universalIdType = authority.size() > 2 ? scope.firstText(authority.get(2)) : "";
            identifierType = authority.size() > 3 ? scope.firstText(authority.get(3)) : "";
        }
        return identifierSystems.system(namespace, universalId, universalIdType, identifierType,
                scope.message().facility());
    }

    private List<Hl7Repetition> lookup(Rule rule, List<Hl7Repetition> values) {
        if (rule.map().isEmpty() && rule.table() == null) {
            return values;
        }
        CodeTable table = rule.table() == null ? null : library.table(rule.table());
        List<Hl7Repetition> mapped = new ArrayList<>();
        for (Hl7Repetition value : values) {
            String code = value.text();
            String result = rule.map().get(code.toUpperCase(Locale.ROOT));
            if (result == null && table != null) {
                result = table.lookup(code);
            }
            if (result != null) {
                mapped.add(Hl7Repetition.of(result));
            }
        }
        return mapped;
    }

    private static List<Hl7Repetition> text(String text) {
        return text.isEmpty() ? List.of() : List.of(Hl7Repetition.of(text));
    }
}
