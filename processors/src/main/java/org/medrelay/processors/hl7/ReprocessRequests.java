package org.medrelay.processors.hl7;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.store.ErrorStore;

import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * A person asking for a stored message to go through processing again (`medrelay errors reprocess`, the API):
 * the request is a row in the error store that {@link Hl7Reprocessor} picks up, and an audit entry naming the
 * person, the error and the message's patient. One class for both, so the CLI and the API audit alike.
 */
public class ReprocessRequests {

    private final ErrorStore errorStore;
    private final AuditTrail auditTrail;
    private final Supplier<Hl7AuditSubjects> subjects;
    private final Clock clock;

    /** @param subjects made only when a stored message is found: a missing id needs no patient-key secret */
    public ReprocessRequests(ErrorStore errorStore, AuditTrail auditTrail, Supplier<Hl7AuditSubjects> subjects,
                             Clock clock) {
        this.errorStore = errorStore;
        this.auditTrail = auditTrail;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** @return false when there is no such error (recorded as a failed request) */
    public boolean request(long errorId, String actor) throws SQLException {
        // Keyed before the request is made: if the secret cannot be read, no request is left unaudited.
        AuditSubject subject = errorStore.rawMessage(errorId).map(raw -> subjects.get().ofRaw(raw, null))
                .orElse(AuditSubject.NONE);
        boolean requested = errorStore.requestReprocess(errorId, clock.instant());
        auditTrail.append(AuditEvent.of(actor, AuditAction.REPROCESS, clock.instant(), subject, "error/" + errorId,
                requested ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, requested ? null : "no such error"));
        return requested;
    }
}
