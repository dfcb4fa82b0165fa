package org.medrelay.processors.review;

import java.util.Locale;

/**
 * How far a workflow is trusted, set per workflow ({@code medrelay.workflow.<name>.mode}, switched with
 * {@link ModeSwitch}). An item keeps the mode it came in under.
 */
public enum OperatingMode {
    /**
     * The suite computes its result and stores it, but releases nothing. The item still goes to its queue, where
     * the person records their own decision beside it: approve means "I would send this as is", edit-then-approve
     * stores what they would send instead, reject stores why not. Approved items end in
     * {@link WorkItemStatus#RECORDED}, never released. The scorecard compares the two.
     */
    SHADOW,
    /** Every result waits in its queue for a person; approval releases the draft. */
    REVIEW,
    /**
     * Results with a confidence at or above the workflow's live-confidence are released at once without a person;
     * the others go to review as in {@link #REVIEW}.
     */
    LIVE;

    /** From a property value: {@code shadow}, {@code review} or {@code live}, any case. */
    public static OperatingMode fromPropertyValue(String value, String property) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " must be shadow, review or live; was '" + value + "'");
        }
    }

    public String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
