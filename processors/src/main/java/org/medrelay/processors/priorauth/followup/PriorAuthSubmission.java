package org.medrelay.processors.priorauth.followup;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.medrelay.processors.priorauth.SubmissionChannel;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.cases.PriorAuthState;
import org.medrelay.processors.priorauth.pas.PasRequestBuilder;
import org.medrelay.processors.priorauth.pas.PasResponseReader;
import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.DraftRelease;
import org.medrelay.processors.review.DraftReleaseException;
import org.medrelay.processors.review.WorkItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;

/**
 * The release endpoint of the prior-auth workflow: a clinician approved the sign-off work item, so its PAS Bundle
 * (their edited version if they edited it) goes to the payer's {@code Claim/$submit}, the case becomes submitted
 * (its CMS-0057-F decision clock starts) and the payer's answer is applied. A draft still holding the narrative
 * mark is refused: the item stays approved with the failure, for a person to see. Delivery is at least once: a
 * case already submitted is not sent again.
 */
public final class PriorAuthSubmission implements DraftRelease {

    private static final Logger LOG = LoggerFactory.getLogger(PriorAuthSubmission.class);
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final PriorAuthCaseStore cases;
    private final PasPayers payers;
    private final PayerDecisionRecorder decisions;
    private final Clock clock;

    public PriorAuthSubmission(PriorAuthCaseStore cases, PasPayers payers, PayerDecisionRecorder decisions, Clock clock) {
        this.cases = cases;
        this.payers = payers;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public void release(WorkItem item, Draft draft) throws DraftReleaseException {
        submit(item.id(), draft.text());
    }

    /** The channel of the case work item {@code workItemId} signs off ({@code x12-278} goes to the clearinghouse drop). */
    public String channelOf(long workItemId) throws SQLException {
        return cases.bySignOffWorkItem(workItemId).map(c -> c.channel().word()).orElse("");
    }

    /**
     * The {@code priorauth-submit} route's call: the approved draft of work item {@code workItemId}.
     *
     * @throws DraftReleaseException not sent; the work item stays approved with the reason and is retried
     */
    public void submit(long workItemId, String draftJson) throws DraftReleaseException {
        try {
            PriorAuthCase c = cases.bySignOffWorkItem(workItemId)
                    .orElseThrow(() -> new DraftReleaseException("work item " + workItemId + " signs off no prior-auth case"));
            if (c.state() != PriorAuthState.AWAITING_SIGNATURE) {
                LOG.info("Prior-auth case {} is {}: work item {} already released", c.id(), c.state().word(), workItemId);
                return;
            }
            if (c.channel() != SubmissionChannel.FHIR_PAS) {
                throw new DraftReleaseException("prior-auth case " + c.id() + " goes through " + c.channel().word()
                        + ", which is not submitted from here");
            }
            Bundle request = FHIR.newJsonParser().parseResource(Bundle.class, draftJson);
            if (PasRequestBuilder.hasUnwrittenNarrative(request)) {
                throw new DraftReleaseException("prior-auth case " + c.id() + ": the clinician's narrative is still "
                        + PasRequestBuilder.NARRATIVE_MARK + "; edit the draft, not sent");
            }
            Bundle response = submit(c, request);
            PriorAuthCase submitted = cases.submitted(c.id(), payerReference(response),
                    PayerDecisionRecorder.ACTOR, clock.instant());
            try {
                decisions.apply(submitted, new PasResponseReader().read(response), clock.instant());
            } catch (IllegalArgumentException unreadable) {
                // submitted all the same: the next $inquire asks again
                LOG.warn("Prior-auth case {}: the payer's $submit response could not be read ({}); left submitted",
                        c.id(), unreadable.getClass().getSimpleName());
            }
            LOG.info("Prior-auth case {} submitted (work item {})", c.id(), workItemId);
        } catch (SQLException e) {
            // not chained: the route's error handler logs causes, and a SQL message can quote a value
            throw new DraftReleaseException("prior-auth case store failed: SQLState " + e.getSQLState());
        }
    }

    private Bundle submit(PriorAuthCase c, Bundle request) throws DraftReleaseException {
        try {
            return payers.of(c.payerId()).submit(request);
        } catch (IllegalStateException notConfigured) {
            throw new DraftReleaseException(notConfigured.getMessage());
        } catch (RuntimeException e) {
            // not chained: the route's error handler logs causes, and a payer's error text may echo the request
            throw new DraftReleaseException("prior-auth case " + c.id() + ": the payer's Claim/$submit failed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The payer's reference for the request (ClaimResponse.preAuthRef or its identifier), if it gave one. */
    private static String payerReference(Bundle response) {
        return response.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(ClaimResponse.class::isInstance).map(ClaimResponse.class::cast).findFirst()
                .map(r -> r.hasPreAuthRef() ? r.getPreAuthRef()
                        : r.getIdentifier().stream().map(i -> i.getValue()).filter(v -> v != null).findFirst().orElse(null))
                .orElse(null);
    }
}
