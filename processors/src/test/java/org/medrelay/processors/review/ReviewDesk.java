package org.medrelay.processors.review;

import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.testing.MutableClock;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole review layer over one store, wired as the engine wires it, with a clock the test moves, a release
 * endpoint it watches, and workflow properties it sets.
 */
final class ReviewDesk {

    static final Instant START = Instant.parse("2026-11-24T09:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final RecordingRelease release = new RecordingRelease();
    final Map<String, String> properties = new HashMap<>();
    final WorkItemStore store;
    final ModeChangeLog modeChanges;
    final OperatingModes modes;
    final ScorecardCalculator scorecards;
    final DraftDelivery delivery;
    final WorkItemActions actions;
    final WorkItemIntake intake;
    final OverdueEscalator escalator;
    final DataSource dataSource;
    final AuditTrail auditTrail;

    ReviewDesk(DataSource dataSource) {
        this(dataSource, null);
    }

    /** @param audit the audit hook to use, or null for the store's own audit trail (as the engine wires it) */
    ReviewDesk(DataSource dataSource, WorkItemAuditHook audit) {
        this.dataSource = dataSource;
        this.auditTrail = new AuditTrail(dataSource);
        WorkItemAuditHook hook = audit == null ? WorkItemAuditHook.into(auditTrail) : audit;
        WorkflowProperties workflows = new WorkflowProperties(properties::get);
        store = new WorkItemStore(dataSource, hook);
        modeChanges = new ModeChangeLog(dataSource, hook);
        modes = new OperatingModes(workflows, modeChanges);
        scorecards = new ScorecardCalculator(new DecisionHistory(dataSource), modes);
        delivery = new DraftDelivery(store, new ReleaseClaims(dataSource, Duration.ofMinutes(2)), release, clock,
                new ReleaseRetries(100, Duration.ofSeconds(30), Duration.ofHours(1)));
        actions = new WorkItemActions(store, delivery, clock);
        intake = new WorkItemIntake(store, modes, delivery, clock);
        escalator = new OverdueEscalator(store, new OverdueNotices(dataSource), clock, 500);
    }

    ModeSwitch modeSwitch() {
        return new ModeSwitch(modes, modeChanges, scorecards,
                new WorkflowProperties(properties::get).liveGate(), clock);
    }

    ReviewDesk mode(String workflow, String mode) {
        properties.put("medrelay.workflow." + workflow + ".mode", mode);
        return this;
    }

    Instant in(Duration duration) {
        return clock.instant().plus(duration);
    }
}
