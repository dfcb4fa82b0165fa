package org.medrelay.mappings.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the YAML of a template into {@link Rule}s. At an element's place in a template:
 * <ul>
 *   <li>a plain scalar is a constant: {@code status: final};</li>
 *   <li>a map holds instructions ({@code from, const, ref, refs, join, separator, skipEmpty, collect,
 *       where, authority, as, table, map, default, encode, when, forEach}); any other key names a
 *       nested FHIR element built in place, with its own rules;</li>
 *   <li>a list holds several rules: for a repeating element each adds its values, for a single one
 *       the first that gives a value wins.</li>
 * </ul>
 * Instruction names were chosen not to clash with FHIR element names (FHIR has {@code value} and
 * {@code type} elements, hence {@code const} and {@code as}).
 */
final class RuleCompiler {

    static final Set<String> INSTRUCTIONS = Set.of("from", "const", "ref", "refs", "join", "separator",
            "skipEmpty", "collect", "where", "authority", "as", "table", "map", "default", "encode", "when",
            "forEach");

    private final String file;

    RuleCompiler(String file) {
        this.file = file;
    }

    /** The element rules of a template or nested element: every key not in {@code reserved}. */
    Map<String, List<Rule>> elements(Map<?, ?> yaml, Set<String> reserved) {
        Map<String, List<Rule>> elements = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : yaml.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!reserved.contains(name)) {
                elements.put(name, rules(name, entry.getValue()));
            }
        }
        return elements;
    }

    List<Rule> rules(String element, Object yaml) {
        List<Rule> rules = new ArrayList<>();
        if (yaml instanceof List<?> list) {
            for (Object item : list) {
                rules.add(rule(element, item));
            }
        } else {
            rules.add(rule(element, yaml));
        }
        return List.copyOf(rules);
    }

    private Rule rule(String element, Object yaml) {
        if (yaml == null || yaml instanceof List<?>) {
            throw new MappingDefinitionException(file, element + ": expected a value, a map or a list of maps");
        }
        if (!(yaml instanceof Map<?, ?> map)) {
            return new Rule(List.of(), String.valueOf(yaml), null, null, null, null, false, null, null, List.of(),
                    null, null, Map.of(), null, null, null, null, Map.of());
        }
        try {
            Rule rule = new Rule(paths(map.get("from")), text(map.get("const")), text(map.get("ref")),
                    text(map.get("refs")), join(map.get("join")), text(map.get("separator")),
                    "true".equalsIgnoreCase(text(map.get("skipEmpty"))), path(map.get("collect")),
                    condition(map.get("where")), paths(map.get("authority")), text(map.get("as")),
                    text(map.get("table")), codeMap(map.get("map")), text(map.get("default")),
                    text(map.get("encode")), condition(map.get("when")), text(map.get("forEach")),
                    elements(map, INSTRUCTIONS));
            check(element, rule);
            return rule;
        } catch (IllegalArgumentException e) {
            throw new MappingDefinitionException(file, element + ": " + e.getMessage(), e);
        }
    }

    private void check(String element, Rule rule) {
        boolean hasSource = rule.readsMessage() || rule.constant() != null || !rule.authority().isEmpty()
                || rule.hasElements() || rule.defaultValue() != null;
        if (!hasSource) {
            throw new MappingDefinitionException(file, element
                    + ": a rule needs a source (from, const, ref, refs, join, collect, authority, default) or nested elements");
        }
        if (rule.encode() != null && !rule.encode().equals("base64")) {
            throw new MappingDefinitionException(file, element + ": encode supports only base64");
        }
    }

    private Condition condition(Object yaml) {
        return yaml == null ? null : Condition.compile(yaml, file);
    }

    private static List<Hl7Path> paths(Object yaml) {
        if (yaml == null) {
            return List.of();
        }
        List<?> list = yaml instanceof List<?> l ? l : List.of(yaml);
        return list.stream().map(p -> Hl7Path.parse(String.valueOf(p).trim())).toList();
    }

    private static Hl7Path path(Object yaml) {
        return yaml == null ? null : Hl7Path.parse(String.valueOf(yaml).trim());
    }

    private static List<Rule.JoinPart> join(Object yaml) {
        if (yaml == null) {
            return null;
        }
        if (!(yaml instanceof List<?> parts)) {
            throw new IllegalArgumentException("join needs a list of paths and texts");
        }
        List<Rule.JoinPart> compiled = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?>) {
                compiled.add(new Rule.Paths(paths(part)));
            } else {
                String text = String.valueOf(part);
                compiled.add(Hl7Path.looksLikePath(text) ? new Rule.Paths(List.of(Hl7Path.parse(text)))
                        : new Rule.Literal(text));
            }
        }
        return List.copyOf(compiled);
    }

    private static Map<String, String> codeMap(Object yaml) {
        if (yaml == null) {
            return Map.of();
        }
        if (!(yaml instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("map needs code: value pairs");
        }
        Map<String, String> codes = new LinkedHashMap<>();
        map.forEach((k, v) -> codes.put(String.valueOf(k).toUpperCase(Locale.ROOT), String.valueOf(v)));
        return Map.copyOf(codes);
    }

    private static String text(Object yaml) {
        return yaml == null ? null : String.valueOf(yaml);
    }
}
