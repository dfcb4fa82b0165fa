package org.medrelay.processors.review;

/**
 * The live gate applied to a workflow: its agreement over the last {@code window} items a person decided.
 * It passes only with a full window: fewer decisions than that say too little.
 *
 * @param decided   person decisions in the window (at most {@code window})
 * @param agreement approved-as-is share of those, 0 when there are none
 */
public record LiveGateCheck(int window, int decided, double agreement, double minAgreement) {

    public boolean passed() {
        return decided >= window && agreement >= minAgreement;
    }

    /** The numbers, for the person who asked for the switch. */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "agreement %.3f over the last %d decided items (gate: at least %.3f over %d)",
                agreement, decided, minAgreement, window);
    }
}
