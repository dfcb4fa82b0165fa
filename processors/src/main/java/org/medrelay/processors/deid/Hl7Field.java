package org.medrelay.processors.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One HL7v2 field split into repetitions, components and sub-components, values kept as sent
 * (escaped) until one is replaced. Repetitions count from 0, components and sub-components from 1,
 * as HL7 numbers them.
 */
final class Hl7Field {

    private final Hl7Delimiters delimiters;
    /** repetition → component → sub-component, escaped. */
    private final List<List<List<String>>> repetitions = new ArrayList<>();
    private boolean changed;

    private Hl7Field(Hl7Delimiters delimiters) {
        this.delimiters = delimiters;
    }

    static Hl7Field parse(String raw, Hl7Delimiters d) {
        Hl7Field field = new Hl7Field(d);
        for (String repetition : split(raw, d.repetition)) {
            List<List<String>> components = new ArrayList<>();
            for (String component : split(repetition, d.component)) {
                components.add(new ArrayList<>(split(component, d.subcomponent)));
            }
            field.repetitions.add(components);
        }
        return field;
    }

    int repetitionCount() {
        return repetitions.size();
    }

    int componentCount(int repetition) {
        return repetitions.get(repetition).size();
    }

    int subcomponentCount(int repetition, int component) {
        List<List<String>> components = repetitions.get(repetition);
        return component > components.size() ? 0 : components.get(component - 1).size();
    }

    /** The unescaped text of one sub-component; "" when absent. */
    String text(int repetition, int component, int subcomponent) {
        List<List<String>> components = repetitions.get(repetition);
        if (component > components.size() || subcomponent > components.get(component - 1).size()) {
            return "";
        }
        return delimiters.unescape(components.get(component - 1).get(subcomponent - 1));
    }

    String text(int repetition, int component) {
        return text(repetition, component, 1);
    }

    /** Replaces one existing sub-component with {@code plain}, escaped; absent positions are not created. */
    void set(int repetition, int component, int subcomponent, String plain) {
        if (subcomponent > subcomponentCount(repetition, component)) {
            return;
        }
        List<String> subcomponents = repetitions.get(repetition).get(component - 1);
        String escaped = delimiters.escape(plain);
        if (!escaped.equals(subcomponents.get(subcomponent - 1))) {
            subcomponents.set(subcomponent - 1, escaped);
            changed = true;
        }
    }

    void set(int repetition, int component, String plain) {
        set(repetition, component, 1, plain);
    }

    /** Applies {@code rewrite} to the text of every non-empty sub-component of one component. */
    void rewriteComponent(int repetition, int component, UnaryOperator<String> rewrite) {
        for (int sub = 1; sub <= subcomponentCount(repetition, component); sub++) {
            String text = text(repetition, component, sub);
            if (!text.isEmpty()) {
                set(repetition, component, sub, rewrite.apply(text));
            }
        }
    }

    /** Applies {@code rewrite} to every non-empty sub-component of the field. */
    void rewriteAll(UnaryOperator<String> rewrite) {
        for (int rep = 0; rep < repetitionCount(); rep++) {
            for (int component = 1; component <= componentCount(rep); component++) {
                rewriteComponent(rep, component, rewrite);
            }
        }
    }

    boolean isEmpty() {
        return repetitions.stream().flatMap(List::stream).flatMap(List::stream).allMatch(String::isEmpty);
    }

    boolean changed() {
        return changed;
    }

    String encode() {
        StringBuilder out = new StringBuilder();
        for (int rep = 0; rep < repetitions.size(); rep++) {
            if (rep > 0) {
                out.append(delimiters.repetition);
            }
            List<List<String>> components = repetitions.get(rep);
            for (int c = 0; c < components.size(); c++) {
                if (c > 0) {
                    out.append(delimiters.component);
                }
                out.append(String.join(String.valueOf(delimiters.subcomponent), components.get(c)));
            }
        }
        return out.toString();
    }

    private static List<String> split(String text, char delimiter) {
        return List.of(text.split(Pattern.quote(String.valueOf(delimiter)), -1));
    }
}
