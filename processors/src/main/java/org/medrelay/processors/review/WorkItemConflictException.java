package org.medrelay.processors.review;

/**
 * Someone else acted on the item after this person read it: their action was not applied. The message says
 * what the item is now, so the person can reload it and decide again.
 */
public final class WorkItemConflictException extends WorkItemException {

    private final long expectedVersion;
    private final long currentVersion;
    private final WorkItemStatus currentStatus;

    public WorkItemConflictException(long workItemId, long expectedVersion, long currentVersion,
                                     WorkItemStatus currentStatus) {
        super(workItemId, "Work item " + workItemId + " changed since you read it (version " + expectedVersion
                + ", now " + currentVersion + ", status " + currentStatus + "); reload it and act again");
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
        this.currentStatus = currentStatus;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public WorkItemStatus currentStatus() {
        return currentStatus;
    }
}
