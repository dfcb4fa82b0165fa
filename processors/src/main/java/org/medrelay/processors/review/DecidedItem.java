package org.medrelay.processors.review;

import java.time.Duration;
import java.time.Instant;

/** One decided work item as the scorecard sees it: how it was decided and how long that took. */
public record DecidedItem(long workItemId, DecisionKind kind, Instant createdAt, Instant decidedAt) {

    public Duration timeToAction() {
        return Duration.between(createdAt, decidedAt);
    }
}
