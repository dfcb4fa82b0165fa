package org.medrelay.processors.review;

import org.medrelay.processors.audit.AuditActors;

/**
 * Who the audit trail names for what the suite does to work items by itself. A person's action names the
 * person (their user id), as given to {@link WorkItemActions}.
 */
final class WorkItemActors {

    /** Overdue escalation and the release of drafts a person approved. */
    static final String WORK_ITEMS = AuditActors.system("work-items");

    /**
     * Decisions read back from the EHR's Tasks. Not the Task's owner: MedRelay itself sets the owner (the
     * assignee or the queue), so it does not say who completed the Task; the EHR's own audit log does.
     */
    static final String TASK_SYNC = AuditActors.system("task-sync");

    /** Stands in for the user of an action that named none (and was refused for it). */
    static final String UNIDENTIFIED = "unidentified";

    private WorkItemActors() {
    }

    /** The workflow itself: it created the item, and in live mode approved and released it. */
    static String workflow(String workflow) {
        return AuditActors.system(workflow);
    }

    /** Who releases an approved item: the workflow for its own live results, else the work item layer. */
    static String releaseOf(WorkItem item) {
        boolean automatic = item.decision() != null && item.decision().kind() == DecisionKind.AUTO_RELEASED;
        return automatic ? workflow(item.workflow()) : WORK_ITEMS;
    }

    static String orUnidentified(String actor) {
        return actor == null || actor.isBlank() ? UNIDENTIFIED : actor.strip();
    }
}
