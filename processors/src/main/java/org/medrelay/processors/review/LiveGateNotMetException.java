package org.medrelay.processors.review;

/** A switch to live was refused: the workflow's recent agreement is below the gate, or there are too few decisions. */
public final class LiveGateNotMetException extends RuntimeException {

    private final String workflow;
    private final LiveGateCheck check;

    public LiveGateNotMetException(String workflow, LiveGateCheck check) {
        super("Workflow " + workflow + " stays out of live mode: " + check.describe());
        this.workflow = workflow;
        this.check = check;
    }

    public String workflow() {
        return workflow;
    }

    public LiveGateCheck check() {
        return check;
    }
}
