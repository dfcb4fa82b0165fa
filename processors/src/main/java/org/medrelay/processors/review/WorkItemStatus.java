package org.medrelay.processors.review;

/**
 * Where a work item stands. The state machine ({@link WorkItemStateMachine} holds the rules):
 *
 * <pre>
 *   OPEN ──overdue──▶ ESCALATED            (queue SUPERVISOR, original queue kept)
 *   OPEN | ESCALATED ──approve / edit-then-approve──▶ APPROVED ──released──▶ RELEASED
 *                                                     (review and live items; a failed release stays APPROVED, retried)
 *   OPEN | ESCALATED ──approve / edit-then-approve──▶ RECORDED   (shadow items: nothing is ever released)
 *   OPEN | ESCALATED ──reject (reason)──▶ REJECTED                (every mode)
 *   OPEN | ESCALATED ──reassign──▶ same status, other queue / assignee
 *   (intake, live mode, confident) ──▶ APPROVED ──released──▶ RELEASED
 * </pre>
 */
public enum WorkItemStatus {
    /** Waiting in its queue for a person's decision. */
    OPEN,
    /** Past its due date without a decision: in the supervisor queue, still waiting for a decision. */
    ESCALATED,
    /** Approved (by a person, or by the suite in live mode); the draft is on its way to the workflow's endpoint. */
    APPROVED,
    /** The approved draft was delivered to the workflow's endpoint. Final. */
    RELEASED,
    /** A person rejected the suite's result, with a reason. Nothing is released. Final. */
    REJECTED,
    /**
     * Shadow mode: the person approved (as is or edited) and the decision is recorded beside the suite's result,
     * but nothing is released; the person acts through the practice's existing process. Final.
     */
    RECORDED;

    /** OPEN or ESCALATED: a person can still approve, reject or reassign it. */
    public boolean awaitsDecision() {
        return this == OPEN || this == ESCALATED;
    }

    public boolean isFinal() {
        return this == RELEASED || this == REJECTED || this == RECORDED;
    }
}
