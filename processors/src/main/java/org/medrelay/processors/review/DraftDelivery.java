package org.medrelay.processors.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Releases approved drafts through {@link DraftRelease} and records the outcome: RELEASED, or still APPROVED with
 * the failure kept and counted, to be retried by {@link #retryPending()} (the {@code work-items-release-retry}
 * route) when {@link ReleaseRetries} says. An approved item is never dropped: it stays visible in the APPROVED list
 * until its endpoint takes it, and a release past the item's due date is notified ({@link OverdueNotification}).
 */
public class DraftDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(DraftDelivery.class);

    private final WorkItemStore store;
    private final ReleaseClaims claims;
    private final DraftRelease release;
    private final Clock clock;
    private final ReleaseRetries retries;

    public DraftDelivery(WorkItemStore store, ReleaseClaims claims, DraftRelease release, Clock clock,
                         ReleaseRetries retries) {
        this.store = store;
        this.claims = claims;
        this.release = release;
        this.clock = clock;
        this.retries = retries;
    }

    /**
     * Releases an APPROVED item unless another caller is releasing it already.
     *
     * @return the item afterwards: RELEASED, or APPROVED with {@link ReleaseState#lastFailure()}
     */
    public WorkItem deliver(WorkItem approved) throws SQLException {
        if (approved.status() != WorkItemStatus.APPROVED || !claims.claim(approved.id(), clock.instant())) {
            return store.get(approved.id());
        }
        WorkItem item = store.get(approved.id());
        try {
            release.release(item, item.draftToRelease());
        } catch (DraftReleaseException | RuntimeException e) {
            Instant failedAt = clock.instant();
            Instant nextAttempt = retries.nextAttempt(failedAt, item.release().attempts() + 1);
            store.recordReleaseFailure(item.id(), failureOf(e), e.getClass().getSimpleName(),
                    WorkItemActors.releaseOf(item), failedAt, nextAttempt);
            claims.release(item.id());
            // The exception class only: an endpoint's message could quote what it was sent.
            LOG.warn("Work item {} ({}) approved but not released, will retry at {}: {}", item.id(), item.workflow(),
                    nextAttempt, e.getClass().getSimpleName());
            return store.get(item.id());
        }
        WorkItem released = store.markReleased(item.id(), item.version(), WorkItemActors.releaseOf(item),
                clock.instant());
        claims.release(item.id());
        LOG.info("Work item {} ({}) released", released.id(), released.workflow());
        return released;
    }

    /**
     * Tries again the approved items whose release failed and is due again, and those whose releasing engine
     * stopped; at most {@link ReleaseRetries#batch()}, the longest waiting first.
     *
     * @return how many were released
     */
    public int retryPending() throws SQLException {
        List<WorkItem> pending = store.releasesDue(clock.instant(), retries.batch());
        int released = 0;
        for (WorkItem item : pending) {
            if (deliver(item).status() == WorkItemStatus.RELEASED) {
                released++;
            }
        }
        return released;
    }

    private static String failureOf(Exception e) {
        return e instanceof DraftReleaseException ? e.getMessage() : e.getClass().getSimpleName();
    }
}
