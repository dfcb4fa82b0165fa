package org.medrelay.mappings.hl7v2;

import java.util.List;

/**
 * One repetition of a field, already unescaped: components, each a list of sub-components. A
 * primitive field is one component with one sub-component. Immutable.
 */
public record Hl7Repetition(List<List<String>> components) {

    /** HL7's explicit null ({@code ""}): "delete this value" to a database, nothing to map to FHIR. */
    private static final String HL7_NULL = "\"\"";

    public Hl7Repetition {
        components = components.stream().map(List::copyOf).toList();
    }

    public static Hl7Repetition of(String value) {
        return new Hl7Repetition(List.of(List.of(value)));
    }

    /** Component {@code component}, sub-component {@code subcomponent} (both 1-based); empty when absent. */
    public String value(int component, int subcomponent) {
        if (component < 1 || component > components.size()) {
            return "";
        }
        List<String> subcomponents = components.get(component - 1);
        if (subcomponent < 1 || subcomponent > subcomponents.size()) {
            return "";
        }
        String value = subcomponents.get(subcomponent - 1);
        return HL7_NULL.equals(value) ? "" : value.strip();
    }

    /** Component {@code component} as a repetition of its own, so a datatype template can read its sub-components. */
    public Hl7Repetition component(int component) {
        if (component < 1 || component > components.size()) {
            return new Hl7Repetition(List.of());
        }
        List<List<String>> asComponents = components.get(component - 1).stream().map(List::of).toList();
        return new Hl7Repetition(asComponents);
    }

    /** The first sub-component of the first component: the value of a primitive field. */
    public String text() {
        return value(1, 1);
    }

    public boolean isEmpty() {
        for (int c = 1; c <= components.size(); c++) {
            for (int s = 1; s <= components.get(c - 1).size(); s++) {
                if (!value(c, s).isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }
}
