package org.medrelay.processors.refill;

import java.util.List;
import java.util.Objects;

/**
 * The triage of one refill request: its class, the reasons in words and the chart facts that decided it.
 *
 * @param schedule the strictest DEA schedule among the drug's classes; a controlled drug is never released
 *                 without the prescriber's approval, whatever the workflow mode
 * @param drugClasses the protocols' drug classes the drug fell in (empty when no protocol covers it)
 */
public record RefillDecision(RefillClass refillClass, List<String> reasons, List<ChartFact> facts, DeaSchedule schedule,
                             List<String> drugClasses) {

    public RefillDecision {
        Objects.requireNonNull(refillClass, "refillClass");
        reasons = List.copyOf(reasons);
        facts = List.copyOf(facts);
        Objects.requireNonNull(schedule, "schedule");
        drugClasses = List.copyOf(drugClasses);
    }

    public boolean controlled() {
        return schedule.controlled();
    }

    @Override
    public String toString() {
        return "RefillDecision[" + refillClass.code() + ", " + reasons.size() + " reasons, schedule " + schedule + "]";
    }
}
