package org.medrelay.processors.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Releases approved drafts through {@link DraftRelease} and records the outcome: RELEASED, or still APPROVED with
 * the failure kept and counted, to be retried by {@link #retryPending()} (the {@code work-items-release-retry}
 * route). An approved item is never dropped: it stays visible in the APPROVED list until its endpoint takes it.
 */
public class DraftDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(DraftDelivery.class);

    private final WorkItemStore store;
    private final ReleaseClaims claims;
    private final DraftRelease release;
    private final Clock clock;
    private final int retryBatch;

    /** @param retryBatch most items retried per call ({@code medrelay.work-items.release-retry-batch}) */
    public DraftDelivery(WorkItemStore store, ReleaseClaims claims, DraftRelease release, Clock clock, int retryBatch) {
        this.store = store;
        this.claims = claims;
        this.release = release;
        this.clock = clock;
        this.retryBatch = retryBatch;
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
            store.recordReleaseFailure(item.id(), failureOf(e), e.getClass().getSimpleName(),
                    WorkItemActors.releaseOf(item), clock.instant());
            claims.release(item.id());
            // The exception class only: an endpoint's message could quote what it was sent.
            LOG.warn("Work item {} ({}) approved but not released, will retry: {}", item.id(), item.workflow(),
                    e.getClass().getSimpleName());
            return store.get(item.id());
        }
        WorkItem released = store.markReleased(item.id(), item.version(), WorkItemActors.releaseOf(item),
                clock.instant());
        claims.release(item.id());
        LOG.info("Work item {} ({}) released", released.id(), released.workflow());
        return released;
    }

    /**
     * Tries again every approved item whose release failed (or whose releasing engine stopped).
     *
     * @return how many were released
     */
    public int retryPending() throws SQLException {
        List<WorkItem> pending = store.list(WorkItemQuery.all().withStatus(WorkItemStatus.APPROVED).limit(retryBatch));
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
