package org.medrelay.processors.refill;

import java.util.Objects;
import java.util.Set;

/**
 * The lab a drug class is monitored with: any of its LOINC codes counts, if resulted within {@code withinDays}.
 *
 * @param name how reasons name it (e.g. {@code A1C}, {@code metabolic panel})
 */
public record MonitoringLab(String name, Set<String> loincCodes, int withinDays) {

    public MonitoringLab {
        Objects.requireNonNull(name, "name");
        loincCodes = Set.copyOf(loincCodes);
        if (loincCodes.isEmpty() || withinDays <= 0) {
            throw new IllegalArgumentException("a monitoring lab needs LOINC codes and a window in days");
        }
    }
}
