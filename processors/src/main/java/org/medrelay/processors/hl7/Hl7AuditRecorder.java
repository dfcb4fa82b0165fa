package org.medrelay.processors.hl7;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;

import java.sql.SQLException;
import java.time.Clock;

/**
 * Records in the audit trail that processing took a message in. A step of the processing route, after the
 * ACK: the MLLP listener itself writes nothing to the store for an accepted message, to keep its throughput.
 */
public class Hl7AuditRecorder {

    private final AuditTrail trail;
    private final String actor;
    private final Clock clock;

    /** @param actor who the entries name, e.g. {@code system:hl7-process} */
    public Hl7AuditRecorder(AuditTrail trail, String actor, Clock clock) {
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
    }

    /** After {@link Hl7MessageRegistrar#begin}, which sets the subject and flags a message processed before. */
    public void received(@ExchangeProperty(AuditSubject.EXCHANGE_PROPERTY) AuditSubject subject,
                         @Header(MedRelayHeaders.ALREADY_PROCESSED) Boolean alreadyProcessed) throws SQLException {
        String reason = Boolean.TRUE.equals(alreadyProcessed) ? "already processed; skipped" : null;
        trail.append(AuditEvent.of(actor, AuditAction.RECEIVE, clock.instant(),
                subject == null ? AuditSubject.NONE : subject, null, AuditOutcome.SUCCESS, reason));
    }
}
