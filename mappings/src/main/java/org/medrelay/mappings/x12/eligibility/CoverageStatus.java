package org.medrelay.mappings.x12.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Whether a 271 says the coverage is in force, and for which period: EB01 1-5 active, 6-8 inactive
 * (005010X279A1 loop 2110C/D), the plan period from the 2100C/D DTP (291 plan as a range, else 346 plan begin and
 * 347 plan end, else 356/357 eligibility begin and end).
 */
public record CoverageStatus(boolean active, boolean inactive, Optional<LocalDate> planBegin, Optional<LocalDate> planEnd) {

    public static CoverageStatus of(EligibilityResponse response) {
        boolean active = response.benefits().stream().anyMatch(BenefitInformation::activeCoverage);
        boolean inactive = response.benefits().stream().anyMatch(BenefitInformation::inactiveCoverage);
        Optional<Period> period = planPeriod(response);
        return new CoverageStatus(active, inactive, period.flatMap(Period::start), period.flatMap(Period::end));
    }

    /** Active coverage wins over an inactive EB for another service type; neither said leaves it open. */
    public Optional<Boolean> inforce() {
        return active ? Optional.of(true) : inactive ? Optional.of(false) : Optional.empty();
    }

    /** Whether the coverage ends before this date (a known plan end earlier than it). */
    public boolean endsBefore(LocalDate date) {
        return planEnd.map(end -> end.isBefore(date)).orElse(false);
    }

    public static Optional<Period> planPeriod(EligibilityResponse response) {
        List<EligibilityDate> dates = response.dates();
        Optional<EligibilityDate> plan = find(dates, "291").filter(EligibilityDate::range);
        if (plan.isPresent()) {
            return Optional.of(new Period(Optional.of(plan.get().start()), Optional.of(plan.get().end())));
        }
        for (String[] pair : new String[][]{{"346", "347"}, {"356", "357"}}) {
            Optional<LocalDate> begin = find(dates, pair[0]).map(EligibilityDate::start);
            Optional<LocalDate> end = find(dates, pair[1]).map(EligibilityDate::end);
            if (begin.isPresent() || end.isPresent()) {
                return Optional.of(new Period(begin, end));
            }
        }
        return find(dates, "307").filter(EligibilityDate::range)
                .map(d -> new Period(Optional.of(d.start()), Optional.of(d.end())));
    }

    private static Optional<EligibilityDate> find(List<EligibilityDate> dates, String qualifier) {
        return dates.stream().filter(d -> d.qualifier().equals(qualifier)).findFirst();
    }

    /** A plan period, either end possibly unknown. */
    public record Period(Optional<LocalDate> start, Optional<LocalDate> end) {
    }
}
