package org.medrelay.processors.review;

import java.util.Set;

/**
 * The rules of {@link WorkItemStatus}: which actions a status allows and where they lead. The store checks
 * these before it writes and again in its SQL ({@code where status in (...)}), so a rule holds even between
 * two engines sharing a store.
 */
final class WorkItemStateMachine {

    /** The statuses a person can approve, edit, reject or reassign from. */
    static final Set<WorkItemStatus> AWAITING_DECISION = Set.of(WorkItemStatus.OPEN, WorkItemStatus.ESCALATED);

    private WorkItemStateMachine() {
    }

    /** Approving (as is or edited) releases, except in shadow mode, where the decision is only recorded. */
    static WorkItemStatus afterApproval(OperatingMode itemMode) {
        return itemMode == OperatingMode.SHADOW ? WorkItemStatus.RECORDED : WorkItemStatus.APPROVED;
    }

    static void requireAwaitingDecision(WorkItem item, String action) {
        if (!item.status().awaitsDecision()) {
            throw new WorkItemActionRefusedException(item.id(), "Work item " + item.id() + " is " + item.status()
                    + ": it can no longer be " + action + " (only OPEN or ESCALATED items can)");
        }
    }

    static void requireOverdueOpen(WorkItem item) {
        if (item.status() != WorkItemStatus.OPEN) {
            throw new WorkItemActionRefusedException(item.id(), "Work item " + item.id() + " is " + item.status()
                    + ": only OPEN items escalate");
        }
    }

    static void requireAwaitingRelease(WorkItem item) {
        if (item.status() != WorkItemStatus.APPROVED) {
            throw new WorkItemActionRefusedException(item.id(), "Work item " + item.id() + " is " + item.status()
                    + ": only APPROVED items are released");
        }
    }

    static void requireReason(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new WorkItemActionRefusedException(id, "Rejecting work item " + id + " needs a reason");
        }
    }

    static void requireActor(long id, String actor) {
        if (actor == null || actor.isBlank()) {
            throw new WorkItemActionRefusedException(id, "An action on work item " + id + " needs the user acting");
        }
    }
}
