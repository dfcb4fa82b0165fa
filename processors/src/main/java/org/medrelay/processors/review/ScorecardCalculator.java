package org.medrelay.processors.review;

import java.sql.SQLException;
import java.util.List;

/** Computes a workflow's {@link Scorecard} and the figures of its live gate from the store. */
public class ScorecardCalculator {

    /** The whole history of a workflow is read for its scorecard; a workflow with more decisions than this is cut. */
    static final int MAX_DECISIONS = 1_000_000;

    private final DecisionHistory history;
    private final OperatingModes modes;

    public ScorecardCalculator(DecisionHistory history, OperatingModes modes) {
        this.history = history;
        this.modes = modes;
    }

    public Scorecard scorecard(String workflow) throws SQLException {
        return Scorecard.of(workflow, modes.modeOf(workflow), history.countByStatus(workflow),
                history.countAutoReleased(workflow), history.personDecisions(workflow, MAX_DECISIONS));
    }

    /** Agreement over the last {@code gate.window()} items a person decided. */
    public LiveGateCheck liveGateCheck(String workflow, LiveGate gate) throws SQLException {
        List<DecidedItem> recent = history.personDecisions(workflow, gate.window());
        long agreed = recent.stream().filter(d -> d.kind().agreesWithSuite()).count();
        double agreement = recent.isEmpty() ? 0.0 : (double) agreed / recent.size();
        return new LiveGateCheck(gate.window(), recent.size(), agreement, gate.minAgreement());
    }
}
