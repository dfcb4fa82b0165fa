package org.medrelay.processors.deid;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many values of each kind a session removed or replaced: counts only, never values, so it can
 * go to the audit trail and the logs.
 */
public record DeidentificationReport(Map<IdentifierKind, Integer> counts) {

    public DeidentificationReport {
        EnumMap<IdentifierKind, Integer> copy = new EnumMap<>(IdentifierKind.class);
        counts.forEach((kind, count) -> {
            if (count > 0) {
                copy.put(kind, count);
            }
        });
        counts = Collections.unmodifiableMap(copy);
    }

    public int count(IdentifierKind kind) {
        return counts.getOrDefault(kind, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
