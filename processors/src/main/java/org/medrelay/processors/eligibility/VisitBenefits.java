package org.medrelay.processors.eligibility;

import org.medrelay.mappings.x12.eligibility.BenefitInformation;
import org.medrelay.mappings.x12.eligibility.EligibilityResponse;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The EB segments (005010X279A1 loop 2110C/D) that apply to a visit's service type: those naming it in EB03, or,
 * when none does for a benefit, those for 30 (health benefit plan coverage) or without EB03. In-network (EB12 Y)
 * and individual (EB02 IND) amounts come before out-of-network and family ones.
 */
final class VisitBenefits {

    private static final String PLAN_COVERAGE = "30";
    private final List<BenefitInformation> benefits;
    private final String serviceType;

    VisitBenefits(EligibilityResponse response, String serviceType) {
        this.benefits = response.benefits();
        this.serviceType = serviceType;
    }

    List<BenefitInformation> forService() {
        return benefits.stream().filter(b -> b.serviceTypes().contains(serviceType)).toList();
    }

    /** The amount (EB07) of this EB01, EB06 matching {@code remaining} (29), for the visit, or the plan. */
    Optional<BigDecimal> amount(String eb01, boolean remaining) {
        return pick(b -> eb01.equals(b.code()) && b.remaining() == remaining && b.amount().isPresent())
                .flatMap(BenefitInformation::amount);
    }

    /** EB08 of this EB01 for the visit, or the plan. */
    Optional<BigDecimal> percent(String eb01) {
        return pick(b -> eb01.equals(b.code()) && b.percent().isPresent()).flatMap(BenefitInformation::percent);
    }

    private Optional<BenefitInformation> pick(Predicate<BenefitInformation> kind) {
        Optional<BenefitInformation> own = best(benefits.stream().filter(kind).filter(b -> b.serviceTypes().contains(serviceType)).toList());
        return own.isPresent() ? own : best(benefits.stream().filter(kind)
                .filter(b -> b.serviceTypes().isEmpty() || b.serviceTypes().contains(PLAN_COVERAGE)).toList());
    }

    private static Optional<BenefitInformation> best(List<BenefitInformation> candidates) {
        return candidates.stream().filter(b -> !"N".equals(b.inPlanNetwork()))
                .min(Comparator.comparing((BenefitInformation b) -> "IND".equals(b.coverageLevel()) || b.coverageLevel().isEmpty() ? 0 : 1));
    }
}
