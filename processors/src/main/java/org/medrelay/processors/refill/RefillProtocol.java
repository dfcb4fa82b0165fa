package org.medrelay.processors.refill;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A practice's refill protocol for one drug class: how its drugs are recognised, and what the chart must show
 * before a refill is routine.
 *
 * @param rxnormCodes      RxNorm codes of the class's drugs
 * @param ingredients      lower-case ingredient names; a drug whose text contains one is of the class
 * @param visitWithinDays  the patient must have seen the prescriber within this many days
 * @param lab              the monitoring lab, if the class has one
 * @param bloodPressureWithinDays a blood pressure must be on file within this many days (antihypertensives)
 */
public record RefillProtocol(String drugClass, Set<String> rxnormCodes, List<String> ingredients, int visitWithinDays,
                             Optional<MonitoringLab> lab, OptionalInt bloodPressureWithinDays, DeaSchedule schedule) {

    public RefillProtocol {
        Objects.requireNonNull(drugClass, "drugClass");
        rxnormCodes = Set.copyOf(rxnormCodes);
        ingredients = ingredients.stream().map(i -> i.toLowerCase(Locale.ROOT)).toList();
        Objects.requireNonNull(lab, "lab");
        Objects.requireNonNull(bloodPressureWithinDays, "bloodPressureWithinDays");
        Objects.requireNonNull(schedule, "schedule");
        if (rxnormCodes.isEmpty() && ingredients.isEmpty()) {
            throw new IllegalArgumentException("protocol " + drugClass + " recognises no drug: give RxNorm codes or ingredients");
        }
        if (visitWithinDays <= 0) {
            throw new IllegalArgumentException("protocol " + drugClass + ": visit_days must be positive");
        }
    }

    /** @param drugText the drug's names (coding displays and text), lower-case */
    boolean recognises(Set<String> rxnorm, String drugText) {
        return rxnorm.stream().anyMatch(rxnormCodes::contains) || ingredients.stream().anyMatch(drugText::contains);
    }
}
