package org.medrelay.processors.refill;

import java.util.Objects;

/**
 * A fact from the chart (or the request) that a triage decision rests on. Holds PHI (dates, results): shown to the
 * prescriber and printed by the CLI, never logged.
 *
 * @param fact      what it is, e.g. {@code last-visit-with-prescriber}, {@code last-A1C}
 * @param value     what the chart says, e.g. {@code 2026-09-01: 7.1 %}, or {@code none}
 * @param reference the resource it was read from ({@code Encounter/12}), or null
 */
public record ChartFact(String fact, String value, String reference) {

    public ChartFact {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(value, "value");
    }
}
