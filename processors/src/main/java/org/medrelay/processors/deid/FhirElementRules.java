package org.medrelay.processors.deid;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** deid/fhir-elements.tsv: resource types left alone, and elements with a rule of their own. */
final class FhirElementRules {

    enum Treatment { PSEUDONYM, DROP, BIRTH_DATE }

    record Rule(Treatment treatment, IdentifierKind kind) {
    }

    private final Set<String> kept = new HashSet<>();
    private final Set<String> practitioners = new HashSet<>();
    private final Map<String, Rule> elements = new HashMap<>();

    FhirElementRules() {
        for (String[] row : RuleFile.rows("fhir-elements.tsv")) {
            switch (row[0]) {
                case "keep" -> kept.add(row[1]);
                case "practitioner" -> practitioners.add(row[1]);
                case "element" -> elements.put(row[1], new Rule(Treatment.valueOf(row[2]),
                        row.length > 3 && !row[3].equals("-") ? IdentifierKind.valueOf(row[3]) : null));
                default -> throw new IllegalStateException("fhir-elements.tsv: unknown row kind " + row[0]);
            }
        }
    }

    /** True for resources that are not about an individual under this policy. */
    boolean keeps(String resourceType, DeidentificationPolicy policy) {
        return kept.contains(resourceType) || practitioners.contains(resourceType) && !policy.redactPractitionerNames();
    }

    /** The rule for an element path such as "Device.udiCarrier.deviceIdentifier", or null. */
    Rule element(String path) {
        return elements.get(path);
    }
}
