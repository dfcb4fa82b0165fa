package org.medrelay.routes.api;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.review.WorkItem;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * The audit entries of API requests, interface {@code api}: one READ per work item shown (who saw which
 * patient's item), one entry for any other read, and a FAILURE entry for every refused request (401, 403, 404,
 * ...). Work item actions are recorded by the work item store itself, in the action's transaction.
 */
final class ApiAudit {

    static final String INTERFACE = "api";
    /** Named as the actor of requests that proved no identity. */
    static final String ANONYMOUS = "anonymous";

    private final AuditTrail trail;
    private final Clock clock;

    ApiAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** Before the items are sent: no reading without a trace. */
    void itemsRead(Caller caller, List<WorkItem> items) throws SQLException {
        trail.append(items.stream().map(item -> new AuditEvent(caller.username(), AuditAction.READ, clock.instant(),
                patientKey(item), item.sourceMessageKey(), "work-item/" + item.id(), AuditOutcome.SUCCESS,
                caller.flag(), INTERFACE)).toList());
    }

    void read(Caller caller, String target, String patientKey) throws SQLException {
        trail.append(new AuditEvent(caller.username(), AuditAction.READ, clock.instant(), patientKey, null, target,
                AuditOutcome.SUCCESS, caller.flag(), INTERFACE));
    }

    void succeeded(Caller caller, AuditAction action, String target, String reason) throws SQLException {
        trail.append(new AuditEvent(caller.username(), action, clock.instant(), null, null, target,
                AuditOutcome.SUCCESS, reason, INTERFACE));
    }

    void refused(String actor, AuditAction action, String target, String reason) throws SQLException {
        trail.append(new AuditEvent(actor, action, clock.instant(), null, null, target, AuditOutcome.FAILURE, reason,
                INTERFACE));
    }

    private static String patientKey(WorkItem item) {
        String key = item.patient().pseudonymKey();
        return AuditEvent.isPseudonymousKey(key) ? key : null;
    }
}
