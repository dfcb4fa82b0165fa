package org.medrelay.processors.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Finds work items past their due date and makes sure someone hears of them. An OPEN item past due moves to the
 * SUPERVISOR queue (ESCALATED, its original queue kept); an approved item its endpoint has not taken by the due
 * date is reported as well. Each yields one {@link OverdueNotification}, offered again on every poll until the
 * {@code work-items-escalation} route confirms it was sent: a deadline is never missed silently.
 */
public class OverdueEscalator {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueEscalator.class);

    private final WorkItemStore store;
    private final OverdueNotices notices;
    private final Clock clock;
    private final int batch;

    /** @param batch most items escalated, and notifications returned, per poll ({@code medrelay.work-items.escalation-batch}) */
    public OverdueEscalator(WorkItemStore store, OverdueNotices notices, Clock clock, int batch) {
        this.store = store;
        this.notices = notices;
        this.clock = clock;
        this.batch = batch;
    }

    /** @return every notification not yet sent, new or left over from a poll whose sending failed */
    public List<OverdueNotification> escalateOverdue() throws SQLException {
        Instant now = clock.instant();
        for (WorkItem item : store.list(WorkItemQuery.all().withStatus(WorkItemStatus.OPEN).dueBefore(now).limit(batch))) {
            try {
                store.escalate(item.id(), item.version(), now);
                LOG.info("Work item {} overdue: escalated from {} to {}", item.id(), item.queue(), WorkQueue.SUPERVISOR);
            } catch (WorkItemConflictException e) {
                // Someone acted on it between the query and the escalation; the next poll sees where it stands.
                LOG.debug("Work item {} changed while escalating; looked at again next poll", item.id());
            }
        }
        return notices.pending(now, batch);
    }

    /** The route delivered the notification. */
    public void notified(OverdueNotification notification) throws SQLException {
        notices.markSent(notification, clock.instant());
    }
}
