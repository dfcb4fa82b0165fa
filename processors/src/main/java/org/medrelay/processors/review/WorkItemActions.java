package org.medrelay.processors.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;

/**
 * What a person does with a work item: approve, edit then approve, reject, reassign. Each names the version the
 * person read (see {@link WorkItemStore}); approval of a review or live item releases its draft at once, and a
 * release that fails leaves it APPROVED, retried. Used by the API and by the EHR Task sync alike.
 */
public class WorkItemActions {

    private static final Logger LOG = LoggerFactory.getLogger(WorkItemActions.class);

    private final WorkItemStore store;
    private final DraftDelivery delivery;
    private final Clock clock;

    public WorkItemActions(WorkItemStore store, DraftDelivery delivery, Clock clock) {
        this.store = store;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** @return RELEASED (or APPROVED if the release failed), or RECORDED for a shadow item */
    public WorkItem approve(long id, long expectedVersion, String actor) throws SQLException {
        WorkItem approved = store.approve(id, expectedVersion, actor, clock.instant());
        logDecision(approved);
        return delivery.deliver(approved);
    }

    /** The edited draft is released (review, live) or recorded (shadow); the suite's original is kept beside it. */
    public WorkItem approveEdited(long id, long expectedVersion, String actor, Draft edited) throws SQLException {
        WorkItem approved = store.approveEdited(id, expectedVersion, actor, edited, clock.instant());
        logDecision(approved);
        return delivery.deliver(approved);
    }

    public WorkItem reject(long id, long expectedVersion, String actor, String reason) throws SQLException {
        WorkItem rejected = store.reject(id, expectedVersion, actor, reason, clock.instant());
        logDecision(rejected);
        return rejected;
    }

    public WorkItem reassign(long id, long expectedVersion, String actor, WorkQueue queue, String assignee)
            throws SQLException {
        WorkItem moved = store.reassign(id, expectedVersion, actor, queue, assignee, clock.instant());
        LOG.info("Work item {} reassigned by {} to {}{}", moved.id(), actor, moved.queue(),
                moved.assignee() == null ? "" : " (assigned)");
        return moved;
    }

    private static void logDecision(WorkItem item) {
        Decision decision = item.decision();
        LOG.info("Work item {} ({}, {} mode) {} by {}: {}", item.id(), item.workflow(), item.mode().propertyValue(),
                decision.kind(), decision.decidedBy(), item.status());
    }
}
