package org.medrelay.processors.review;

/** The final decision on a work item's suite result. */
public enum DecisionKind {
    /** A person approved the suite's result unchanged: agreement. */
    APPROVED_AS_IS,
    /** A person changed the draft, then approved their version: not agreement, counted in the edit rate. */
    EDITED,
    /** A person rejected the result, with a reason: not agreement. */
    REJECTED,
    /** Live mode: released by the suite without a person; not counted in agreement. */
    AUTO_RELEASED;

    /** A person decided (everything but {@link #AUTO_RELEASED}): these make a workflow's scorecard and live gate. */
    public boolean byPerson() {
        return this != AUTO_RELEASED;
    }

    /** The person's final decision is the suite's result, unchanged. */
    public boolean agreesWithSuite() {
        return this == APPROVED_AS_IS;
    }
}
