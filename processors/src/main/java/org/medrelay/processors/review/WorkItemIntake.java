package org.medrelay.processors.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;

/**
 * Where every new workflow result becomes a work item, and where the workflow's operating mode decides its path:
 * <ul>
 *   <li>shadow: stored and queued (OPEN); a person's approval is only recorded, nothing is ever released;</li>
 *   <li>review: stored and queued (OPEN) until a person approves it;</li>
 *   <li>live: released at once if the suite's confidence is at least the workflow's live-confidence (the item is
 *       stored APPROVED by {@code medrelay}, then RELEASED); otherwise queued for review as in review mode.</li>
 * </ul>
 */
public class WorkItemIntake {

    private static final Logger LOG = LoggerFactory.getLogger(WorkItemIntake.class);

    private final WorkItemStore store;
    private final OperatingModes modes;
    private final DraftDelivery delivery;
    private final Clock clock;

    public WorkItemIntake(WorkItemStore store, OperatingModes modes, DraftDelivery delivery, Clock clock) {
        this.store = store;
        this.modes = modes;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** @return the stored item: OPEN, or in live mode RELEASED (APPROVED if its release failed and will be retried) */
    public WorkItem accept(NewWorkItem result) throws SQLException {
        OperatingMode mode = modes.modeOf(result.workflow());
        double liveConfidence = modes.settingsFor(result.workflow()).liveConfidence();
        if (mode == OperatingMode.LIVE && result.suiteResult().confidence() >= liveConfidence) {
            WorkItem approved = store.createApprovedInLiveMode(result, clock.instant());
            LOG.info("Work item {} ({}, {}) for {}: live mode, confident, released without review", approved.id(),
                    approved.type(), approved.workflow(), approved.patient());
            return delivery.deliver(approved);
        }
        WorkItem queued = store.create(result, mode, clock.instant());
        LOG.info("Work item {} ({}, {}) for {}: {} mode, waiting in {}", queued.id(), queued.type(), queued.workflow(),
                queued.patient(), mode.propertyValue(), queued.queue());
        return queued;
    }
}
