package org.medrelay.processors.review;

/** No work item has this id. */
public final class WorkItemNotFoundException extends WorkItemException {

    public WorkItemNotFoundException(long workItemId) {
        super(workItemId, "There is no work item " + workItemId);
    }
}
