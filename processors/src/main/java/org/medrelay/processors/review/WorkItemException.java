package org.medrelay.processors.review;

/**
 * Why an action on a work item was not carried out. Messages name the item id, versions and states, never
 * patient data, so they can be logged and shown as they are. An API maps the kinds to HTTP: not found 404,
 * conflict 409, refused 422.
 */
public abstract class WorkItemException extends RuntimeException {

    private final long workItemId;

    protected WorkItemException(long workItemId, String message) {
        super(message);
        this.workItemId = workItemId;
    }

    public long workItemId() {
        return workItemId;
    }
}
