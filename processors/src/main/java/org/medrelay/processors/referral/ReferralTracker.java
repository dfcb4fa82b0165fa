package org.medrelay.processors.referral;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.review.PatientRef;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Opens outbound referral loops and moves them through their stages (an RRI^I12, a fax, or a person marking one),
 * each change audited under the patient's key.
 */
public final class ReferralTracker {

    private final ReferralLoops loops;
    private final ReferralSettings settings;
    private final AuditTrail trail;
    private final Clock clock;

    public ReferralTracker(ReferralLoops loops, ReferralSettings settings, AuditTrail trail, Clock clock) {
        this.loops = loops;
        this.settings = settings;
        this.trail = trail;
        this.clock = clock;
    }

    /** @return the new loop, or empty when this referral is already tracked */
    public Optional<ReferralLoop> open(String referralId, PatientRef patient, String serviceRequest, String specialty,
                                       String actor, String sourceMessage) throws SQLException {
        Instant now = clock.instant();
        Optional<ReferralLoop> loop = loops.open(referralId, patient, serviceRequest, specialty, now,
                now.plus(settings.followUpAfter(ReferralStage.SENT)));
        if (loop.isPresent()) {
            audit(actor, AuditAction.CREATE, loop.get(), sourceMessage);
        }
        return loop;
    }

    /** The outcome of marking a loop: what a caller (the CLI, a message step) tells the person or the log. */
    public enum Move { MOVED, UNKNOWN_REFERRAL, CLOSED, NOT_LATER, CHANGED_MEANWHILE }

    /** Moves the referral's loop to a later stage; an earlier or equal stage (a late or resent message) changes nothing. */
    public Move mark(String referralId, ReferralStage to, String actor, String sourceMessage) throws SQLException {
        Optional<ReferralLoop> found = loops.find(referralId);
        if (found.isEmpty()) {
            return Move.UNKNOWN_REFERRAL;
        }
        ReferralLoop loop = found.get();
        if (loop.stage().closes()) {
            return Move.CLOSED;
        }
        if (to.compareTo(loop.stage()) <= 0) {
            return Move.NOT_LATER;
        }
        Instant now = clock.instant();
        if (!loops.advance(loop, to, now, to.closes() ? null : now.plus(settings.followUpAfter(to)))) {
            return Move.CHANGED_MEANWHILE;
        }
        audit(actor, AuditAction.UPDATE, loop, sourceMessage);
        return Move.MOVED;
    }

    private void audit(String actor, AuditAction action, ReferralLoop loop, String sourceMessage) throws SQLException {
        trail.append(AuditEvent.of(actor, action, clock.instant(),
                new AuditSubject(loop.patient().pseudonymKey(), sourceMessage, null), "referral-loop/" + loop.id(),
                AuditOutcome.SUCCESS, null));
    }
}
