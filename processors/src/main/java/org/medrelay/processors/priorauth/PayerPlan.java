package org.medrelay.processors.priorauth;

import java.util.Optional;

/** The payer (by its payer id) and plan an order is billed to; either may be unknown. */
public record PayerPlan(Optional<String> payerId, Optional<String> plan) {

    public static final PayerPlan UNKNOWN = new PayerPlan(Optional.empty(), Optional.empty());

    public String describe() {
        return payerId.map(id -> "payer " + id + plan.map(p -> " plan " + p).orElse("")).orElse("an unknown payer");
    }
}
