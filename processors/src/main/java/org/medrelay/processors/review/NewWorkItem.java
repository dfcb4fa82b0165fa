package org.medrelay.processors.review;

import org.medrelay.processors.audit.AuditEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A workflow's result, handed to {@link WorkItemIntake}: everything a work item has before anyone acts on it.
 *
 * @param assignee         a person to assign it to at once, or null for anyone in the queue
 * @param sourceMessageKey the inbound message it came from, or null
 */
public record NewWorkItem(
        WorkItemType type,
        String workflow,
        PatientRef patient,
        WorkQueue queue,
        String assignee,
        Instant dueAt,
        WorkItemPriority priority,
        SuiteResult suiteResult,
        String sourceMessageKey,
        List<WorkItemLink> links) {

    public NewWorkItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(suiteResult, "suiteResult");
        WorkflowProperties.requireWorkflowName(workflow);
        if (!AuditEvent.isPseudonymousKey(patient.pseudonymKey())) {
            // Every action on the item is audited under this key; a malformed one would leave the patient unnamed.
            throw new IllegalArgumentException("A work item's patient key must be a pseudonymous key"
                    + " (16 to 64 lower-case hex digits, e.g. the keyed hash the ingest path groups a patient by)");
        }
        if (queue == WorkQueue.SUPERVISOR) {
            // The supervisor queue is where overdue items escalate to; starting there would hide the original team.
            throw new IllegalArgumentException("A new work item goes to a team's queue, not SUPERVISOR");
        }
        links = List.copyOf(Objects.requireNonNull(links, "links"));
    }

    @Override
    public String toString() {
        return "NewWorkItem[" + type + ", " + workflow + ", " + queue + ", " + patient + "]";
    }
}
