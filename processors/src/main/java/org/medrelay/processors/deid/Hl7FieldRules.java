package org.medrelay.processors.deid;

import java.util.HashMap;
import java.util.Map;

/** deid/hl7v2-fields.tsv: the treatment of each field; fields not listed go through the free-text pass. */
final class Hl7FieldRules {

    record Rule(Hl7FieldTreatment treatment, IdentifierKind kind) {
    }

    private static final Rule FREE_TEXT = new Rule(Hl7FieldTreatment.FREE_TEXT, null);

    private final Map<String, Rule> rules = new HashMap<>();

    Hl7FieldRules() {
        for (String[] row : RuleFile.rows("hl7v2-fields.tsv")) {
            IdentifierKind kind = row.length > 3 && !row[3].equals("-") ? IdentifierKind.valueOf(row[3]) : null;
            rules.put(row[0] + "-" + row[1], new Rule(Hl7FieldTreatment.valueOf(row[2]), kind));
        }
    }

    Rule rule(String segment, int field) {
        Rule rule = rules.get(segment + "-" + field);
        if (rule == null) {
            rule = rules.get(segment + "-*");
        }
        return rule == null ? FREE_TEXT : rule;
    }
}
