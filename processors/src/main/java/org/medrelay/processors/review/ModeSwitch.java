package org.medrelay.processors.review;

import java.sql.SQLException;
import java.time.Clock;

/**
 * Switches a workflow's operating mode and records the switch. Going to live is allowed only through the live
 * gate ({@code medrelay.workflow.live-gate.*}): agreement over the last N decided items at or above the minimum.
 * Going to shadow or review is always allowed: stepping back must never be blocked. Items already in a queue
 * keep the mode they came in under; the new mode applies to new results. Switches, and refused switches, are in
 * the audit trail ({@link ModeChangeLog}).
 */
public class ModeSwitch {

    private final OperatingModes modes;
    private final ModeChangeLog log;
    private final ScorecardCalculator scorecards;
    private final LiveGate gate;
    private final Clock clock;

    public ModeSwitch(OperatingModes modes, ModeChangeLog log, ScorecardCalculator scorecards, LiveGate gate,
                      Clock clock) {
        this.modes = modes;
        this.log = log;
        this.scorecards = scorecards;
        this.gate = gate;
        this.clock = clock;
    }

    /**
     * @throws LiveGateNotMetException when switching to live and the gate is not met; only the refusal is audited
     */
    public ModeChange switchTo(String workflow, OperatingMode to, String actor) throws SQLException {
        WorkflowProperties.requireWorkflowName(workflow);
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("A mode switch needs the user making it");
        }
        OperatingMode from = modes.modeOf(workflow);
        LiveGateCheck check = null;
        if (to == OperatingMode.LIVE) {
            check = scorecards.liveGateCheck(workflow, gate);
            if (!check.passed()) {
                log.recordRefused(workflow, to, actor.strip(), clock.instant(), check.describe());
                throw new LiveGateNotMetException(workflow, check);
            }
        }
        ModeChange change = new ModeChange(workflow, from, to, actor.strip(), clock.instant(), check);
        log.record(change);
        return change;
    }
}
