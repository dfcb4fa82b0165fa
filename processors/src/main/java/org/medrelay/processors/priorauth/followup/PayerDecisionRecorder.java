package org.medrelay.processors.priorauth.followup;

import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.cases.PriorAuthState;
import org.medrelay.processors.priorauth.pas.PayerDecision;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies what the payer said to a case. Approved: the authorization number, units and dates recorded and written
 * onto the order in the EHR. Denied: the reasons to an appeal or peer-to-peer work item due within the appeal
 * window. Pended: the payer's request for more information to the clinician's queue. The same answer read again
 * (a later $inquire) changes nothing.
 */
public final class PayerDecisionRecorder {

    static final String ACTOR = AuditActors.system(PriorAuthWorkItems.WORKFLOW);

    private final PriorAuthCaseStore cases;
    private final PriorAuthWorkItems workItems;
    private final OrderAuthorizationWriter orders;
    private final PriorAuthSettings settings;

    public PayerDecisionRecorder(PriorAuthCaseStore cases, PriorAuthWorkItems workItems, OrderAuthorizationWriter orders,
                                 PriorAuthSettings settings) {
        this.cases = cases;
        this.workItems = workItems;
        this.orders = orders;
        this.settings = settings;
    }

    public PriorAuthCase apply(PriorAuthCase c, PayerDecision decision, Instant now) throws SQLException {
        if (decision.state() == c.state()) {
            return c;
        }
        String code = decision.reviewAction() == null ? "outcome" : "reviewAction " + decision.reviewAction();
        return switch (decision.state()) {
            case PENDED -> {
                PriorAuthCase pended = cases.pended(c.id(), ACTOR, now, code + ": the payer asks for more information");
                workItems.moreInformation(pended, decision.reasons(), now.plus(settings.moreInfo()), now);
                yield pended;
            }
            case APPROVED -> {
                // the EHR first: if it cannot be written, the case stays as it was and the next $inquire tries again
                Optional<String> written = orders.write(c.order(), decision.authorization());
                // the history says whether the EHR has it, so a person knows to enter it by hand where not
                yield cases.approved(c.id(), decision.authorization(), ACTOR, now, code + written
                        .map(id -> "; authorization written to " + id).orElse("; the EHR holds no order " + c.order()
                                + ": enter the authorization by hand"));
            }
            case DENIED -> {
                Instant appealDue = now.plus(settings.appealWindow());
                PriorAuthCase denied = cases.denied(c.id(), appealDue, ACTOR, now, code);
                workItems.appeal(denied, decision.reasons(), appealDue, now);
                yield denied;
            }
            case WITHDRAWN -> cases.move(c.id(), PriorAuthState.WITHDRAWN, ACTOR, now, code + ": cancelled by the payer");
            default -> throw new IllegalArgumentException("a payer's answer cannot make a case " + decision.state().word());
        };
    }
}
