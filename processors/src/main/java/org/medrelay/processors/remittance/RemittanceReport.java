package org.medrelay.processors.remittance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.DenialCategory;
import org.medrelay.mappings.x12.remittance.RemittanceAdvice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The remittance report of one 835 transaction set, summed as its claims are processed: the payer, the payment
 * (BPR02 amount, BPR03 credit/debit, BPR04 method, BPR16 date, TRN02 trace, TRN03 originator), and the claims by
 * category with counts and dollars (billed, paid, at stake), the work items made and the claims whose patient the
 * EHR did not know. Sums only, never a claim: no PHI. {@link #toJson()} is what the store keeps and the CLI prints.
 */
public final class RemittanceReport {

    /** Exact: an amount keeps its two decimals (500.00, not 500). */
    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
    private final long fileId;
    private final String fileName;
    private final RemittanceAdvice advice;
    private final String payerId;
    private final Map<DenialCategory, Totals> categories = new EnumMap<>(DenialCategory.class);
    private final Totals all = new Totals();
    private int workItems;
    private int withoutPatient;

    public RemittanceReport(long fileId, String fileName, RemittanceAdvice advice, String payerId) {
        this.fileId = fileId;
        this.fileName = fileName;
        this.advice = advice;
        this.payerId = payerId;
    }

    public void add(ClaimPayment claim, DenialCategory category) {
        BigDecimal atStake = DollarsAtStake.of(claim, category);
        all.add(claim, atStake);
        categories.computeIfAbsent(category, c -> new Totals()).add(claim, atStake);
    }

    public void workItemMade() {
        workItems++;
    }

    public void patientNotFound() {
        withoutPatient++;
    }

    public String transactionSet() {
        return advice.transactionSetControlNumber();
    }

    public String payerName() {
        return advice.payer().name();
    }

    public String payerId() {
        return payerId;
    }

    public BigDecimal totalPayment() {
        return advice.totalPayment();
    }

    public String paymentMethod() {
        return advice.paymentMethod();
    }

    public String traceNumber() {
        return advice.traceNumber();
    }

    public int claims() {
        return all.claims;
    }

    public int workItems() {
        return workItems;
    }

    public String toJson() {
        ObjectNode report = JSON.objectNode();
        report.put("fileId", fileId);
        report.put("file", fileName);
        report.put("transactionSet", advice.transactionSetControlNumber());
        report.putObject("payer").put("name", advice.payer().name()).put("id", payerId);
        report.putObject("payee").put("name", advice.payee().name()).put("id", advice.payee().id());
        ObjectNode payment = report.putObject("payment");
        payment.put("amount", money(advice.totalPayment()));
        payment.put("creditDebit", advice.creditDebit());
        payment.put("method", advice.paymentMethod());
        payment.put("date", advice.paymentDate().map(Object::toString).orElse(null));
        payment.put("trace", advice.traceNumber());
        payment.put("originator", advice.originatorId());
        report.put("claims", all.claims);
        report.put("billed", money(all.billed));
        report.put("paid", money(all.paid));
        report.put("patientResponsibility", money(all.patientResponsibility));
        report.put("atStake", money(all.atStake));
        ObjectNode byCategory = report.putObject("categories");
        categories.forEach((category, totals) -> byCategory.putObject(category.word())
                .put("claims", totals.claims).put("billed", money(totals.billed)).put("paid", money(totals.paid))
                .put("atStake", money(totals.atStake)));
        report.put("workItems", workItems);
        report.put("claimsWithoutPatient", withoutPatient);
        if (all.paid.compareTo(advice.totalPayment()) != 0) {
            report.put("note", "claims paid " + money(all.paid) + " differ from BPR02 " + money(advice.totalPayment())
                    + ": provider-level adjustments (PLB) make up the difference");
        }
        return report.toString();
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Counts and dollars of a set of claims. */
    private static final class Totals {
        private int claims;
        private BigDecimal billed = BigDecimal.ZERO;
        private BigDecimal paid = BigDecimal.ZERO;
        private BigDecimal patientResponsibility = BigDecimal.ZERO;
        private BigDecimal atStake = BigDecimal.ZERO;

        void add(ClaimPayment claim, BigDecimal stake) {
            claims++;
            billed = billed.add(claim.billed());
            paid = paid.add(claim.paid());
            patientResponsibility = patientResponsibility.add(claim.patientResponsibility());
            atStake = atStake.add(stake);
        }
    }
}
