package org.medrelay.mappings.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@code when:} (or {@code where:}) clause: every test must hold. Written as a map:
 * {@code OBX-2: [NM, SN]} (the value, upper-cased, is one of these), {@code present: PV1-45},
 * {@code absent: PV1-45}.
 */
record Condition(List<Test> tests) {

    sealed interface Test permits ValueIn, Present, Absent {
    }

    record ValueIn(Hl7Path path, Set<String> values) implements Test {
    }

    record Present(Hl7Path path) implements Test {
    }

    record Absent(Hl7Path path) implements Test {
    }

    static Condition compile(Object yaml, String file) {
        if (!(yaml instanceof Map<?, ?> map)) {
            throw new MappingDefinitionException(file, "a condition must be a map such as {OBX-2: [NM, SN]}");
        }
        List<Test> tests = map.entrySet().stream().map(e -> test(String.valueOf(e.getKey()), e.getValue(), file))
                .toList();
        return new Condition(tests);
    }

    private static Test test(String key, Object value, String file) {
        try {
            return switch (key) {
                case "present" -> new Present(Hl7Path.parse(String.valueOf(value)));
                case "absent" -> new Absent(Hl7Path.parse(String.valueOf(value)));
                default -> new ValueIn(Hl7Path.parse(key), values(value));
            };
        } catch (IllegalArgumentException e) {
            throw new MappingDefinitionException(file, "condition " + key + ": " + e.getMessage());
        }
    }

    private static Set<String> values(Object value) {
        List<?> list = value instanceof List<?> l ? l : List.of(value);
        return list.stream().map(v -> String.valueOf(v).toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    boolean holds(MappingScope scope) {
        for (Test test : tests) {
            if (!holds(test, scope)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Test test, MappingScope scope) {
        if (test instanceof ValueIn in) {
            return in.values().contains(scope.firstText(in.path()).toUpperCase(Locale.ROOT));
        }
        if (test instanceof Present present) {
            return !scope.firstText(present.path()).isEmpty();
        }
        return scope.firstText(((Absent) test).path()).isEmpty();
    }
}
