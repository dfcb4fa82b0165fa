package org.medrelay.processors.priorauth.pas;

import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthState;

import java.util.List;

/**
 * What a payer's ClaimResponse says about a prior-auth request: the case state it leads to, the X12 review action
 * code it carried (HCR01: A1 certified, A3 not certified, A4 pended; null when only {@code outcome} spoke), the
 * authorization granted (approved only) and the payer's reasons (denial reasons, what more it needs).
 */
public record PayerDecision(PriorAuthState state, String reviewAction, PriorAuthCase.Authorization authorization,
                            List<String> reasons) {

    public PayerDecision {
        reasons = List.copyOf(reasons);
    }
}
