package org.medrelay.processors.eligibility;

import org.medrelay.mappings.x12.eligibility.BenefitCodes;
import org.medrelay.mappings.x12.eligibility.BenefitInformation;
import org.medrelay.mappings.x12.eligibility.CoverageStatus;
import org.medrelay.mappings.x12.eligibility.EligibilityResponse;
import org.medrelay.mappings.x12.eligibility.RequestValidation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, for one visit and the 271 that answered its check, what the front desk must know (005010X279A1 codes):
 * the payer could not find the member (AAA03 72, 75...) or refused the request (any other AAA); coverage inactive
 * (EB01 6-8, no 1-5) or ending before the visit (2100C DTP 347/357); a plan not in the practice's accepted list;
 * the visit's service type not covered (EB01 I, or inactive for that EB03); prior authorization required (EB11 Y for
 * that EB03); a remaining deductible (EB01 C, EB06 29) at or above the threshold. Each gap says why in words.
 */
public final class CoverageGapRules {

    private final Set<String> acceptedPlans;
    private final BigDecimal highDeductible;
    private final PatientResponsibilityEstimator estimator = new PatientResponsibilityEstimator();

    /**
     * @param acceptedPlans  "payer id" or "payer id:plan" (REF*18 plan number or EB05); empty accepts every plan
     * @param highDeductible remaining deductible from which the front desk talks money with the patient
     */
    public CoverageGapRules(Set<String> acceptedPlans, BigDecimal highDeductible) {
        this.acceptedPlans = Set.copyOf(acceptedPlans);
        this.highDeductible = highDeductible;
    }

    public EligibilityAssessment assess(EligibilityResponse response, Visit visit) {
        PatientResponsibility responsibility = estimator.estimate(response, visit);
        List<CoverageGap> gaps = new ArrayList<>(rejections(response));
        if (gaps.isEmpty()) {
            coverage(response, visit).ifPresent(gaps::add);
            plan(response).ifPresent(gaps::add);
            service(response, visit).ifPresent(gaps::add);
            authorization(response, visit).ifPresent(gaps::add);
            deductible(responsibility).ifPresent(gaps::add);
        }
        return new EligibilityAssessment(gaps, responsibility);
    }

    private static List<CoverageGap> rejections(EligibilityResponse response) {
        List<CoverageGap> gaps = new ArrayList<>();
        for (RequestValidation aaa : response.rejections()) {
            String reason = "the payer answered AAA " + aaa.rejectReason() + " " + aaa.describe() + " (loop " + aaa.loop() + ")";
            gaps.add(CoverageGap.of(aaa.memberNotFound() ? GapKind.MEMBER_NOT_FOUND : GapKind.REQUEST_REJECTED, reason));
        }
        return gaps;
    }

    private static Optional<CoverageGap> coverage(EligibilityResponse response, Visit visit) {
        CoverageStatus status = CoverageStatus.of(response);
        if (status.inforce().isPresent() && !status.inforce().get()) {
            return Optional.of(CoverageGap.of(GapKind.COVERAGE_INACTIVE, "the payer reports the coverage inactive (EB01 "
                    + response.benefits().stream().filter(BenefitInformation::inactiveCoverage).map(BenefitInformation::code)
                    .findFirst().orElse("6") + ")"));
        }
        if (status.inforce().isEmpty()) {
            return Optional.of(CoverageGap.of(GapKind.COVERAGE_INACTIVE, "the 271 reports no active coverage (no EB01 1-5)"));
        }
        if (status.endsBefore(visit.date())) {
            return Optional.of(CoverageGap.of(GapKind.COVERAGE_ENDS_BEFORE_VISIT, "the coverage ends on "
                    + status.planEnd().orElseThrow() + ", before the visit on " + visit.date()));
        }
        if (status.planBegin().map(begin -> begin.isAfter(visit.date())).orElse(false)) {
            return Optional.of(CoverageGap.of(GapKind.COVERAGE_ENDS_BEFORE_VISIT, "the coverage begins on "
                    + status.planBegin().orElseThrow() + ", after the visit on " + visit.date()));
        }
        return Optional.empty();
    }

    private Optional<CoverageGap> plan(EligibilityResponse response) {
        if (acceptedPlans.isEmpty()) {
            return Optional.empty();
        }
        String payer = response.payer().id();
        List<String> plans = new ArrayList<>();
        response.reference("18").ifPresent(plans::add);
        response.benefits().stream().filter(BenefitInformation::activeCoverage).map(BenefitInformation::planCoverage)
                .filter(p -> !p.isEmpty()).forEach(plans::add);
        boolean accepted = acceptedPlans.contains(payer) || plans.stream().anyMatch(p -> acceptedPlans.contains(payer + ":" + p));
        return accepted ? Optional.empty() : Optional.of(CoverageGap.of(GapKind.PLAN_NOT_ACCEPTED, "plan "
                + (plans.isEmpty() ? "(not named)" : String.join(" / ", plans)) + " of payer " + payer
                + " is not in the practice's accepted plans"));
    }

    private static Optional<CoverageGap> service(EligibilityResponse response, Visit visit) {
        List<BenefitInformation> forService = new VisitBenefits(response, visit.serviceType()).forService();
        boolean notCovered = forService.stream().anyMatch(b -> BenefitCodes.NON_COVERED.equals(b.code()) || b.inactiveCoverage());
        boolean covered = forService.stream().anyMatch(BenefitInformation::activeCoverage);
        return notCovered && !covered ? Optional.of(CoverageGap.of(GapKind.SERVICE_NOT_COVERED, "service type "
                + visit.serviceType() + " is not covered (EB01 I or inactive for EB03 " + visit.serviceType() + ")")) : Optional.empty();
    }

    private static Optional<CoverageGap> authorization(EligibilityResponse response, Visit visit) {
        return new VisitBenefits(response, visit.serviceType()).forService().stream()
                .filter(BenefitInformation::authorizationRequiredYes).findFirst()
                .map(b -> CoverageGap.of(GapKind.PRIOR_AUTHORIZATION_REQUIRED, "the payer requires authorization for service type "
                        + visit.serviceType() + " (EB11 Y on EB01 " + b.code() + ")"));
    }

    private Optional<CoverageGap> deductible(PatientResponsibility responsibility) {
        return responsibility.deductibleRemaining().filter(left -> left.compareTo(highDeductible) >= 0)
                .map(left -> CoverageGap.of(GapKind.HIGH_DEDUCTIBLE, "the remaining deductible is "
                        + PatientResponsibility.money(left) + ", at or above the practice's threshold of "
                        + PatientResponsibility.money(highDeductible)));
    }
}
