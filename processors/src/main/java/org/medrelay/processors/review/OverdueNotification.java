package org.medrelay.processors.review;

/**
 * A deadline about to be missed, for a person to hear of: sent through the {@code work-items-escalation} route
 * to {@code medrelay.work-items.notify-uri} until it went out. Carries ids and queues only, so it can be logged
 * or sent over a channel that must not carry PHI; the item itself is read from the store by id.
 *
 * @param queue         where the item is now (SUPERVISOR when escalated)
 * @param originalQueue where it was before escalation (the same as queue for a release overdue)
 */
public record OverdueNotification(long workItemId, Kind kind, String workflow, WorkQueue queue, WorkQueue originalQueue) {

    public enum Kind {
        /** Past due without a decision: moved to the supervisor queue. */
        ESCALATED,
        /** Approved, but its endpoint has not taken the draft by the due date. */
        RELEASE_OVERDUE
    }

    /** What the default log endpoint prints: the item id and its queue, nothing about the patient. */
    @Override
    public String toString() {
        return switch (kind) {
            case ESCALATED -> "Work item " + workItemId + " is overdue: escalated from " + originalQueue + " to " + queue;
            case RELEASE_OVERDUE -> "Work item " + workItemId + " in " + queue
                    + " is overdue: approved but not yet released";
        };
    }
}
