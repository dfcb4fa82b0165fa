package org.medrelay.processors.review;

/**
 * The action does not apply: the item's status does not allow it (approving a rejected item), or something it
 * needs is missing (a rejection without a reason). Retrying the same request will not help.
 */
public final class WorkItemActionRefusedException extends WorkItemException {

    public WorkItemActionRefusedException(long workItemId, String message) {
        super(workItemId, message);
    }
}
