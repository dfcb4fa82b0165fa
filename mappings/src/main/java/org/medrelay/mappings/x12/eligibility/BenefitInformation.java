package org.medrelay.mappings.x12.eligibility;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One EB segment of a 271 (005010X279A1 loop 2110C or 2110D) with the DTP dates and MSG texts of its loop.
 *
 * @param code                  EB01 eligibility or benefit information: 1-5 active coverage, 6-8 inactive,
 *                              A co-insurance, B co-payment, C deductible, G out of pocket (stop loss),
 *                              I non-covered, CB coverage basis... ({@link BenefitCodes})
 * @param coverageLevel         EB02: IND individual, FAM family, EMP employee only, ...
 * @param serviceTypes          EB03 service type codes (repeats): 30 health benefit plan coverage, 98 office visit...
 * @param insuranceType         EB04: HM HMO, PR PPO, MB Medicare part B, ...
 * @param planCoverage          EB05 plan coverage description, as the payer names the plan
 * @param timePeriod            EB06: 23 calendar year, 27 visit, 29 remaining, 32 lifetime, ...
 * @param amount                EB07 monetary amount (copay, deductible, out of pocket)
 * @param percent               EB08 as a fraction: 0.2 is 20 % co-insurance
 * @param quantityQualifier     EB09: VS visits, DY days, ...
 * @param quantity              EB10
 * @param authorizationRequired EB11: Y yes, N no, U unknown, empty not said
 * @param inPlanNetwork         EB12: Y in network, N out of network, W not applicable, U unknown
 * @param procedure             EB13 composite: qualifier, code and modifiers, as sent
 * @param dates                 DTP of loop 2110C/D: 291 plan, 292 benefit, 346/347 plan begin/end, 348/349 benefit
 * @param messages              MSG free-form texts of loop 2110C/D
 */
public record BenefitInformation(String code, String coverageLevel, List<String> serviceTypes, String insuranceType,
                                 String planCoverage, String timePeriod, Optional<BigDecimal> amount,
                                 Optional<BigDecimal> percent, String quantityQualifier, Optional<BigDecimal> quantity,
                                 String authorizationRequired, String inPlanNetwork, List<String> procedure,
                                 List<EligibilityDate> dates, List<String> messages) {

    public BenefitInformation {
        serviceTypes = List.copyOf(serviceTypes);
        procedure = List.copyOf(procedure);
        dates = List.copyOf(dates);
        messages = List.copyOf(messages);
    }

    /** EB01 1 to 5: active coverage (1 active, 2 family, 3 employee and spouse... per the guide's code list). */
    public boolean activeCoverage() {
        return BenefitCodes.ACTIVE.contains(code);
    }

    /** EB01 6, 7, 8: inactive (7 pending eligibility update, 8 pending investigation). */
    public boolean inactiveCoverage() {
        return BenefitCodes.INACTIVE.contains(code);
    }

    /** EB06 29: the amount is what is left of the benefit (remaining deductible, remaining out of pocket). */
    public boolean remaining() {
        return "29".equals(timePeriod);
    }

    public boolean authorizationRequiredYes() {
        return "Y".equals(authorizationRequired);
    }

    /** EB12 Y: in the plan's network; N: out of network; W and U say neither. */
    public Optional<Boolean> inNetwork() {
        return switch (inPlanNetwork) {
            case "Y" -> Optional.of(true);
            case "N" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    public BenefitInformation withDate(EligibilityDate date) {
        List<EligibilityDate> more = new java.util.ArrayList<>(dates);
        more.add(date);
        return new BenefitInformation(code, coverageLevel, serviceTypes, insuranceType, planCoverage, timePeriod, amount,
                percent, quantityQualifier, quantity, authorizationRequired, inPlanNetwork, procedure, more, messages);
    }

    public BenefitInformation withMessage(String message) {
        List<String> more = new java.util.ArrayList<>(messages);
        more.add(message);
        return new BenefitInformation(code, coverageLevel, serviceTypes, insuranceType, planCoverage, timePeriod, amount,
                percent, quantityQualifier, quantity, authorizationRequired, inPlanNetwork, procedure, dates, more);
    }
}
