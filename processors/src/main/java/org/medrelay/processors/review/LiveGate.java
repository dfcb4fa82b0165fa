package org.medrelay.processors.review;

/**
 * When a workflow may be switched to live: its agreement over the last {@code window} items a person decided is
 * at least {@code minAgreement}. From {@code medrelay.workflow.live-gate.*}.
 */
public record LiveGate(int window, double minAgreement) {

    public LiveGate {
        if (window < 1) {
            throw new IllegalArgumentException(WorkflowProperties.LIVE_GATE_WINDOW + " must be at least 1, was " + window);
        }
        if (!(minAgreement >= 0.0 && minAgreement <= 1.0)) {
            throw new IllegalArgumentException(WorkflowProperties.LIVE_GATE_MIN_AGREEMENT
                    + " must be between 0 and 1, was " + minAgreement);
        }
    }
}
