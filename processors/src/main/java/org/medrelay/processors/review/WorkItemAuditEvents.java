package org.medrelay.processors.review;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;

import java.time.Instant;

/**
 * The audit entries of work item actions: target {@code work-item/<id>}, the item's patient by pseudonymous key
 * and its source message. Reasons name codes, queues and states; never what a person typed (a rejection's
 * reason is free text and may hold PHI, so an entry only says that one was given).
 */
final class WorkItemAuditEvents {

    private WorkItemAuditEvents() {
    }

    static String target(long workItemId) {
        return "work-item/" + workItemId;
    }

    static AuditEvent succeeded(WorkItem item, AuditAction action, String actor, Instant at, String reason) {
        return event(item.id(), item, action, actor, at, AuditOutcome.SUCCESS, reason);
    }

    static AuditEvent failed(WorkItem item, AuditAction action, String actor, Instant at, String reason) {
        return event(item.id(), item, action, actor, at, AuditOutcome.FAILURE, reason);
    }

    /** An action refused or lost to a conflict; {@code item} is null when no such item exists. */
    static AuditEvent refused(long id, WorkItem item, AuditAction action, String actor, Instant at,
                              WorkItemException why) {
        // WorkItemException messages name ids, versions and states only (see there), so they may be kept.
        return event(id, item, action, WorkItemActors.orUnidentified(actor), at, AuditOutcome.FAILURE,
                kindOf(why) + ": " + why.getMessage());
    }

    static String decided(WorkItem item) {
        String what = item.decision().kind() == DecisionKind.EDITED ? "edited, then approved" : "approved as is";
        return what + " (" + item.mode().propertyValue() + " mode): " + item.status();
    }

    private static AuditEvent event(long id, WorkItem item, AuditAction action, String actor, Instant at,
                                    AuditOutcome outcome, String reason) {
        return new AuditEvent(actor, action, at, item == null ? null : patientKeyOf(item.patient()),
                item == null ? null : item.sourceMessageKey(), target(id), outcome, reason, null);
    }

    /**
     * New items must carry a pseudonymous key ({@link NewWorkItem}); an item stored before that rule may not. Its
     * key is left out rather than failing the person's action: the entry still names the item, which names the
     * patient.
     */
    static String patientKeyOf(PatientRef patient) {
        return AuditEvent.isPseudonymousKey(patient.pseudonymKey()) ? patient.pseudonymKey() : null;
    }

    private static String kindOf(WorkItemException e) {
        if (e instanceof WorkItemConflictException) {
            return "conflict";
        }
        return e instanceof WorkItemNotFoundException ? "not found" : "refused";
    }
}
