package org.medrelay.processors.review;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.review.SyntheticItems.PATIENT_A;

/** Switching a workflow's mode: the live gate, and the switch kept in the store. */
class ModeSwitchTest extends H2Desk {

    @BeforeEach
    void gateOfTen() {
        desk.mode("denials", "shadow");
        desk.properties.put("medrelay.workflow.live-gate.window", "10");
        desk.properties.put("medrelay.workflow.live-gate.min-agreement", "0.9");
    }

    @Test
    void liveIsRefusedBelowTheGateWithTheNumbers() throws SQLException {
        decisions(8, 2);

        LiveGateNotMetException refused = assertThrows(LiveGateNotMetException.class,
                () -> desk.modeSwitch().switchTo("denials", OperatingMode.LIVE, "admin.ana"));
        assertEquals(new LiveGateCheck(10, 10, 0.8, 0.9), refused.check());
        assertEquals("Workflow denials stays out of live mode: agreement 0.800 over the last 10 decided items"
                + " (gate: at least 0.900 over 10)", refused.getMessage());
        assertEquals(OperatingMode.SHADOW, desk.modes.modeOf("denials"));
        assertTrue(desk.modeChanges.latest("denials").isEmpty(), "a refused switch is not recorded");
    }

    @Test
    void liveIsRefusedWithFewerDecisionsThanTheWindow() throws SQLException {
        decisions(9, 0);
        LiveGateNotMetException refused = assertThrows(LiveGateNotMetException.class,
                () -> desk.modeSwitch().switchTo("denials", OperatingMode.LIVE, "admin.ana"));
        assertEquals(9, refused.check().decided());
        assertEquals(1.0, refused.check().agreement());
    }

    @Test
    void liveIsAllowedAtTheGateAndSurvivesARestart() throws SQLException {
        decisions(9, 1);

        ModeChange change = desk.modeSwitch().switchTo("denials", OperatingMode.LIVE, "admin.ana");
        assertEquals(OperatingMode.SHADOW, change.from());
        assertEquals(OperatingMode.LIVE, change.to());
        assertEquals("admin.ana", change.changedBy());
        assertEquals(desk.clock.instant(), change.changedAt());
        assertEquals(new LiveGateCheck(10, 10, 0.9, 0.9), change.gate());

        // A restarted engine: new beans over the same store, the properties still saying shadow.
        Map<String, String> restartedProperties = new HashMap<>(Map.of("medrelay.workflow.denials.mode", "shadow"));
        OperatingModes restarted = new OperatingModes(new WorkflowProperties(restartedProperties::get),
                new ModeChangeLog(dataSource, WorkItemAuditHook.into(desk.auditTrail)));
        assertEquals(OperatingMode.LIVE, restarted.modeOf("denials"), "the recorded switch overrides the property");
        assertEquals(change, new ModeChangeLog(dataSource, WorkItemAuditHook.into(desk.auditTrail))
                .latest("denials").orElseThrow());
    }

    @Test
    void onlyTheLastWindowOfDecisionsCounts() throws SQLException {
        decisions(0, 10);
        decisions(10, 0);
        assertEquals(OperatingMode.LIVE, desk.modeSwitch().switchTo("denials", OperatingMode.LIVE, "admin.ana").to());
    }

    @Test
    void steppingBackIsAlwaysAllowedAndRecorded() throws SQLException {
        decisions(10, 0);
        desk.modeSwitch().switchTo("denials", OperatingMode.LIVE, "admin.ana");
        desk.clock.advance(Duration.ofDays(1));

        ModeChange back = desk.modeSwitch().switchTo("denials", OperatingMode.REVIEW, "supervisor.bo");
        assertNull(back.gate(), "no gate on the way back");
        assertEquals(OperatingMode.REVIEW, desk.modes.modeOf("denials"));
        List<ModeChange> history = desk.modeChanges.history("denials", 10);
        assertEquals(List.of(OperatingMode.REVIEW, OperatingMode.LIVE), history.stream().map(ModeChange::to).toList());
        assertEquals("supervisor.bo", history.get(0).changedBy());
    }

    @Test
    void gateDefaultsAreFiftyDecisionsAtNinetyFivePercent() {
        assertEquals(new LiveGate(50, 0.95), new WorkflowProperties(key -> null).liveGate());
    }

    /** Person decisions on denial workups: {@code agreeing} approved as is, then {@code disagreeing} edited or rejected. */
    private void decisions(int agreeing, int disagreeing) throws SQLException {
        for (int i = 0; i < agreeing + disagreeing; i++) {
            WorkItem item = desk.intake.accept(denialWorkup());
            desk.clock.advance(Duration.ofMinutes(1));
            if (i < agreeing) {
                desk.actions.approve(item.id(), item.version(), "billing.raj");
            } else if (i % 2 == 0) {
                desk.actions.approveEdited(item.id(), item.version(), "billing.raj",
                        Draft.text("Appeal: CARC 197, authorization on file (ref SYN-AUTH-5)", "text/plain"));
            } else {
                desk.actions.reject(item.id(), item.version(), "billing.raj", "write off, under threshold");
            }
        }
    }

    private NewWorkItem denialWorkup() {
        return new NewWorkItem(WorkItemType.DENIAL_WORKUP, "denials", PATIENT_A, WorkQueue.BILLING, null,
                desk.in(Duration.ofDays(5)), WorkItemPriority.ROUTINE,
                SuiteResult.draft(Draft.text("Appeal: CARC 197, precertification was obtained", "text/plain"), 0.93,
                        List.of("835 CAS*CO*197", "auth SYN-AUTH-5 found for the date of service")),
                "remit-syn-835-0042", List.of(WorkItemLink.fhir("ClaimResponse/cr-syn-42", "the denied claim")));
    }
}
