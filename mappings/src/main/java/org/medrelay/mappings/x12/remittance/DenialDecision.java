package org.medrelay.mappings.x12.remittance;

import java.util.Optional;

/**
 * The category of one claim, the reason in words, and the adjustment (group and CARC) and RARC that decided
 * it; both are empty when no adjustment did (a claim paid as billed, a reversal).
 */
public record DenialDecision(DenialCategory category, String reason, Optional<Adjustment> adjustment, Optional<String> rarc) {

    public String action() {
        return category.action();
    }
}
