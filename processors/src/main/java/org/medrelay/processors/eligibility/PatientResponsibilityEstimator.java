package org.medrelay.processors.eligibility;

import org.medrelay.mappings.x12.eligibility.BenefitCodes;
import org.medrelay.mappings.x12.eligibility.EligibilityResponse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Estimates a visit's {@link PatientResponsibility} from the benefits of a 271 that apply to its service type. */
public final class PatientResponsibilityEstimator {

    public PatientResponsibility estimate(EligibilityResponse response, Visit visit) {
        VisitBenefits benefits = new VisitBenefits(response, visit.serviceType());
        Optional<BigDecimal> copay = benefits.amount(BenefitCodes.CO_PAYMENT, false);
        Optional<BigDecimal> coinsurance = benefits.percent(BenefitCodes.CO_INSURANCE);
        Optional<BigDecimal> deductibleLeft = benefits.amount(BenefitCodes.DEDUCTIBLE, true);
        Optional<BigDecimal> outOfPocketLeft = benefits.amount(BenefitCodes.OUT_OF_POCKET, true);
        BigDecimal charge = visit.expectedCharge();
        BigDecimal toDeductible = deductibleLeft.map(d -> d.min(charge)).orElse(BigDecimal.ZERO);
        BigDecimal afterDeductible = charge.subtract(toDeductible).subtract(copay.orElse(BigDecimal.ZERO)).max(BigDecimal.ZERO);
        BigDecimal toCoinsurance = coinsurance.map(afterDeductible::multiply).orElse(BigDecimal.ZERO);
        BigDecimal total = copay.orElse(BigDecimal.ZERO).add(toDeductible).add(toCoinsurance).min(charge);
        if (outOfPocketLeft.isPresent()) {
            total = total.min(outOfPocketLeft.get());
        }
        return new PatientResponsibility(charge, copay, coinsurance, deductibleLeft, outOfPocketLeft,
                total.setScale(2, RoundingMode.HALF_UP));
    }
}
