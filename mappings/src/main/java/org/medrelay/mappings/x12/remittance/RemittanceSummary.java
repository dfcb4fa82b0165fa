package org.medrelay.mappings.x12.remittance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The payments of one 835 transaction set, summed as its claims are read: payer, payment (BPR02, method,
 * date, TRN02 trace), claim count, billed, paid and patient responsibility totals and claims per category.
 * Holds sums only, never claims. {@link #lines()} is the remittance report a billing team reconciles against
 * the bank deposit.
 */
public final class RemittanceSummary {

    private final RemittanceAdvice advice;
    private final Map<DenialCategory, Integer> categories = new EnumMap<>(DenialCategory.class);
    private int claims;
    private BigDecimal billed = BigDecimal.ZERO;
    private BigDecimal paid = BigDecimal.ZERO;
    private BigDecimal patientResponsibility = BigDecimal.ZERO;

    public RemittanceSummary(RemittanceAdvice advice) {
        this.advice = advice;
    }

    public void add(ClaimPayment claim, DenialCategory category) {
        claims++;
        billed = billed.add(claim.billed());
        paid = paid.add(claim.paid());
        patientResponsibility = patientResponsibility.add(claim.patientResponsibility());
        categories.merge(category, 1, Integer::sum);
    }

    public int claims() {
        return claims;
    }

    public BigDecimal paid() {
        return paid;
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("remittance ST02 " + advice.transactionSetControlNumber() + " from " + advice.payer().name()
                + " to " + advice.payee().name() + ": " + advice.paymentMethod() + " " + advice.totalPayment()
                + advice.paymentDate().map(d -> " on " + d).orElse("") + ", trace " + advice.traceNumber());
        lines.add("  " + claims + " claim(s), billed " + billed + ", paid " + paid + ", patient responsibility " + patientResponsibility);
        StringBuilder byCategory = new StringBuilder("  ");
        categories.forEach((category, count) -> byCategory.append(byCategory.length() > 2 ? ", " : "").append(category.word()).append(' ').append(count));
        lines.add(byCategory.toString());
        if (paid.compareTo(advice.totalPayment()) != 0) {
            lines.add("  claims paid " + paid + " differ from BPR02 " + advice.totalPayment() + " (provider-level adjustments, PLB, make up the difference)");
        }
        return lines;
    }
}
