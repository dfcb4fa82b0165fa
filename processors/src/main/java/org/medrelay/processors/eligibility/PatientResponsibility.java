package org.medrelay.processors.eligibility;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the patient is estimated to owe for a visit, from the 271 and the visit's expected charge: the co-payment
 * (EB01 B), the part of the charge that goes to the remaining deductible (EB01 C, EB06 29), co-insurance (EB01 A,
 * EB08) on the rest, capped at the remaining out of pocket (EB01 G, EB06 29). An estimate for the conversation at
 * the front desk, not an adjudication.
 */
public record PatientResponsibility(BigDecimal expectedCharge, Optional<BigDecimal> copay, Optional<BigDecimal> coinsurance,
                                    Optional<BigDecimal> deductibleRemaining, Optional<BigDecimal> outOfPocketRemaining,
                                    BigDecimal estimate) {

    /** The estimate in words, e.g. "about 1234.00 of an expected 200.00: copay 35.00, ...". */
    public String describe() {
        StringBuilder words = new StringBuilder("estimated patient responsibility ").append(money(estimate))
                .append(" of an expected charge of ").append(money(expectedCharge)).append(':');
        copay.ifPresent(c -> words.append(" copay ").append(money(c)).append(';'));
        deductibleRemaining.ifPresent(d -> words.append(" deductible remaining ").append(money(d)).append(';'));
        coinsurance.ifPresent(c -> words.append(" coinsurance ").append(c.movePointRight(2).stripTrailingZeros().toPlainString()).append(" %;"));
        outOfPocketRemaining.ifPresent(o -> words.append(" out-of-pocket remaining ").append(money(o)).append(';'));
        if (copay.isEmpty() && deductibleRemaining.isEmpty() && coinsurance.isEmpty()) {
            words.append(" the 271 gives no copay, coinsurance or deductible for this service;");
        }
        return words.substring(0, words.length() - 1);
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
