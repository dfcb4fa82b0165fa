package org.medrelay.processors.priorauth.followup;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.medrelay.processors.priorauth.SubmissionChannel;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.cases.PriorAuthState;
import org.medrelay.processors.priorauth.pas.PasResponseReader;
import org.medrelay.processors.review.WorkItemStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduled status check ({@code priorauth-status-inquiry} route): every submitted or pended fhir-pas case is
 * asked about with {@code Claim/$inquire}, sending the Claim the clinician signed (kept, sealed, in the sign-off
 * work item), and the payer's answer is applied. A payer that fails for one case does not stop the others; the case
 * is asked again on the next poll.
 */
public final class PriorAuthStatusInquiry {

    private static final Logger LOG = LoggerFactory.getLogger(PriorAuthStatusInquiry.class);
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final PriorAuthCaseStore cases;
    private final WorkItemStore workItems;
    private final PasPayers payers;
    private final PayerDecisionRecorder decisions;
    private final Clock clock;
    private final int batch;

    public PriorAuthStatusInquiry(PriorAuthCaseStore cases, WorkItemStore workItems, PasPayers payers,
                                  PayerDecisionRecorder decisions, Clock clock, int batch) {
        this.cases = cases;
        this.workItems = workItems;
        this.payers = payers;
        this.decisions = decisions;
        this.clock = clock;
        this.batch = batch;
    }

    /** @return the cases asked about, as they stand afterwards */
    public List<PriorAuthCase> inquireOpen() throws SQLException {
        List<PriorAuthCase> waiting = new ArrayList<>(cases.inState(PriorAuthState.SUBMITTED));
        waiting.addAll(cases.inState(PriorAuthState.PENDED));
        List<PriorAuthCase> asked = new ArrayList<>();
        for (PriorAuthCase c : waiting.stream().filter(c -> c.channel() == SubmissionChannel.FHIR_PAS
                && c.signOffWorkItem() != null).limit(batch).toList()) {
            try {
                Bundle signed = FHIR.newJsonParser().parseResource(Bundle.class,
                        workItems.get(c.signOffWorkItem()).draftToRelease().text());
                Bundle answer = payers.of(c.payerId()).inquire(signed);
                asked.add(decisions.apply(c, new PasResponseReader().read(answer), clock.instant()));
            } catch (RuntimeException e) {
                LOG.warn("Prior-auth case {}: $inquire failed ({}); asked again on the next poll", c.id(), e.getClass().getSimpleName());
            }
        }
        return asked;
    }
}
