package org.medrelay.processors.priorauth.x12;

import org.medrelay.mappings.x12.priorauth.PriorAuthClaimResponseMapper;
import org.medrelay.mappings.x12.priorauth.PriorAuthResponse;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.clearinghouse.PriorAuth278Receiver;
import org.medrelay.processors.priorauth.SubmissionChannel;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.cases.PriorAuthState;
import org.medrelay.processors.priorauth.followup.PayerDecisionRecorder;
import org.medrelay.processors.priorauth.pas.PasResponseReader;
import org.medrelay.processors.priorauth.pas.PayerDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * 278 responses from the clearinghouse inbox, applied to their cases: the 2000E TRN*2 names the case
 * ({@link Clearinghouse278Writer#traceOf}); the HCR01 decides, read through the same PAS ClaimResponse the FHIR
 * channel gets (A1/A2/A6 approved with HCR02 certification number and DTP*007/036 dates, A3 denied, A4/CT pended,
 * C withdrawn), and the recorder does what it does for a PAS answer (the order in the EHR, the appeal or
 * more-information work item). Each response for a case is audited as received. A response matching no case that
 * waits for a payer is logged by its control number and left.
 */
public final class PriorAuth278Responses implements PriorAuth278Receiver {

    private static final Logger LOG = LoggerFactory.getLogger(PriorAuth278Responses.class);
    private static final String INTERFACE = "priorauth-278-in";

    private final PriorAuthCaseStore cases;
    private final PayerDecisionRecorder decisions;
    private final PriorAuthClaimResponseMapper claimResponses;
    private final AuditTrail trail;
    private final String actor;
    private final Clock clock;

    public PriorAuth278Responses(PriorAuthCaseStore cases, PayerDecisionRecorder decisions, AuditTrail trail, String actor, Clock clock) {
        this.cases = cases;
        this.decisions = decisions;
        this.claimResponses = new PriorAuthClaimResponseMapper(clock);
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public int receive(List<PriorAuthResponse> responses, String fileName) throws SQLException {
        int matched = 0;
        for (PriorAuthResponse response : responses) {
            Optional<PriorAuthCase> c = caseOf(response);
            if (c.isEmpty()) {
                LOG.warn("278 response ST02 {} in {} matches no prior-auth case waiting for a 278 answer",
                        response.transactionControlNumber(), fileName);
                continue;
            }
            matched++;
            apply(c.get(), response, fileName);
        }
        return matched;
    }

    private Optional<PriorAuthCase> caseOf(PriorAuthResponse response) throws SQLException {
        OptionalLong id = response.requestTrace().map(t -> Clearinghouse278Writer.caseOf(t.number())).orElse(OptionalLong.empty());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            PriorAuthCase c = cases.get(id.getAsLong());
            boolean waiting = c.state() == PriorAuthState.SUBMITTED || c.state() == PriorAuthState.PENDED;
            return c.channel() == SubmissionChannel.X12_278 && waiting ? Optional.of(c) : Optional.empty();
        } catch (IllegalArgumentException noSuchCase) {
            return Optional.empty();
        }
    }

    private void apply(PriorAuthCase c, PriorAuthResponse response, String fileName) throws SQLException {
        trail.append(AuditEvent.of(actor, AuditAction.RECEIVE, clock.instant(), new AuditSubject(c.patientKey(), null, INTERFACE),
                "prior-auth-case/" + c.id(), AuditOutcome.SUCCESS, "278 response ST02 " + response.transactionControlNumber()
                        + " in " + fileName));
        PayerDecision decision;
        try {
            decision = new PasResponseReader().read(claimResponses.map(response));
        } catch (IllegalArgumentException undecided) {
            // no HCR, or one that decides nothing (NA): the case waits; the deadline monitor watches it
            LOG.warn("Prior-auth case {}: 278 response ST02 {} in {} decides nothing ({}); left {}", c.id(),
                    response.transactionControlNumber(), fileName, undecided.getClass().getSimpleName(), c.state().word());
            return;
        }
        PriorAuthCase after = decisions.apply(c, decision, clock.instant());
        LOG.info("Prior-auth case {}: 278 response in {} ({}), now {}", c.id(), fileName, decision.reviewAction(), after.state().word());
    }
}
