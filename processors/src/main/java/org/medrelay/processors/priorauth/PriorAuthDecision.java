package org.medrelay.processors.priorauth;

import java.util.List;

/**
 * Whether one ordered service needs prior authorization, and the requirements-table line that decided it.
 *
 * @param order  the order's identifier (placer order number or resource id), for the person and the case
 * @param reason one sentence: the rule's reason, with the service and payer it was decided for
 */
public record PriorAuthDecision(String order, OrderedService service, PayerPlan payer, boolean required, String reason,
                                SubmissionChannel channel, int turnaroundDays, List<String> documentation, String rule) {

    public PriorAuthDecision {
        documentation = List.copyOf(documentation);
    }

    static PriorAuthDecision of(String order, OrderedService service, PayerPlan payer, PriorAuthRule rule) {
        String reason = rule.reason() + " (" + service.describe() + ", " + payer.describe() + ")";
        return new PriorAuthDecision(order, service, payer, rule.required(), reason, rule.channel(), rule.turnaroundDays(),
                rule.documentation(), rule.where());
    }
}
