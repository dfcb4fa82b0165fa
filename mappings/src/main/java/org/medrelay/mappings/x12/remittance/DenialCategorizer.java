package org.medrelay.mappings.x12.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Classifies a claim of an 835 by its adjustments: every CAS triple (claim level with the claim's MOA/MIA remark
 * codes, line level with the line's LQ remark codes and the claim's) is looked up in the {@link DenialRules}; one
 * no rule decides is needs-review. The claim takes the most pressing category of its adjustments (the order of
 * {@link DenialCategory}). Without adjustments a claim paid as billed is paid; anything else is needs-review, as
 * is a reversal (CLP02 22) and a claim whose only adjustments are contractual but that was paid nothing.
 */
public final class DenialCategorizer {

    private final DenialRules rules;
    private final AdjustmentCodeList carcs;

    public DenialCategorizer(DenialRules rules, AdjustmentCodeList carcs) {
        this.rules = rules;
        this.carcs = carcs;
    }

    /** The rules table and CARC list MedRelay ships. */
    public static DenialCategorizer shipped() {
        return new DenialCategorizer(DenialRules.shipped(), AdjustmentCodeList.shippedCarcs());
    }

    public DenialDecision categorize(ClaimPayment claim) {
        if (claim.reversal()) {
            return new DenialDecision(DenialCategory.NEEDS_REVIEW,
                    "CLP02 22: this reverses an earlier payment; compare it with the original remittance before posting.",
                    Optional.empty(), Optional.empty());
        }
        // the first decision of the most pressing category: ties keep the order of the claim's adjustments
        Optional<DenialDecision> decided = decisions(claim).stream()
                .reduce((a, b) -> b.category().ordinal() < a.category().ordinal() ? b : a);
        if (decided.isEmpty()) {
            return withoutAdjustments(claim);
        }
        DenialDecision decision = decided.get();
        if (decision.category() == DenialCategory.PAID && claim.paid().signum() == 0 && claim.billed().signum() > 0) {
            return new DenialDecision(DenialCategory.NEEDS_REVIEW, "Nothing was paid although the only adjustments are "
                    + "contractual (" + decision.adjustment().map(Adjustment::code).orElse("") + ").", decision.adjustment(), decision.rarc());
        }
        return decision;
    }

    private List<DenialDecision> decisions(ClaimPayment claim) {
        Optional<LocalDate> on = claimDate(claim);
        List<DenialDecision> decisions = new ArrayList<>();
        for (Adjustment adjustment : claim.adjustments()) {
            decisions.add(decide(adjustment, claim.remarkCodes(), on));
        }
        for (ServiceLinePayment line : claim.lines()) {
            List<String> scope = new ArrayList<>(line.remarkCodes());
            scope.addAll(claim.remarkCodes());
            for (Adjustment adjustment : line.adjustments()) {
                decisions.add(decide(adjustment, scope, line.serviceStart().or(() -> on)));
            }
        }
        return decisions;
    }

    private DenialDecision decide(Adjustment adjustment, List<String> remarkCodes, Optional<LocalDate> on) {
        Optional<String> firstRemark = remarkCodes.stream().findFirst();
        return rules.find(adjustment, remarkCodes)
                .map(rule -> new DenialDecision(rule.category(), rule.reason(), Optional.of(adjustment),
                        rule.namesRarc() ? Optional.of(rule.rarc()) : firstRemark))
                .orElseGet(() -> new DenialDecision(DenialCategory.NEEDS_REVIEW, "No rule in the table for "
                        + adjustment.code() + ": " + carcs.describe(adjustment.carc(), on) + ".",
                        Optional.of(adjustment), firstRemark));
    }

    private static DenialDecision withoutAdjustments(ClaimPayment claim) {
        BigDecimal paid = claim.paid();
        if (paid.signum() > 0 && paid.compareTo(claim.billed()) == 0) {
            return new DenialDecision(DenialCategory.PAID, "Paid in full as billed.", Optional.empty(), Optional.empty());
        }
        String reason = paid.signum() > 0 ? "Paid less than billed with no adjustment to explain the difference."
                : "Nothing was paid and the payer gave no adjustment reason.";
        return new DenialDecision(DenialCategory.NEEDS_REVIEW, reason, Optional.empty(), claim.remarkCodes().stream().findFirst());
    }

    /** The date a claim's codes are read on: statement start, else first service date, else received date. */
    private static Optional<LocalDate> claimDate(ClaimPayment claim) {
        return claim.statementFrom()
                .or(() -> claim.lines().stream().map(ServiceLinePayment::serviceStart).flatMap(Optional::stream).findFirst())
                .or(claim::received);
    }
}
