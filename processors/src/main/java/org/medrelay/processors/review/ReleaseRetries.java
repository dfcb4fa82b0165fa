package org.medrelay.processors.review;

import java.time.Duration;
import java.time.Instant;

/**
 * When an approved draft whose release failed is tried again: after {@code firstDelay}, then twice as long after
 * each further failure, never more than {@code maxDelay} apart. An endpoint that is down for an hour is not sent
 * a retry every poll, and drafts that keep failing go behind those due sooner instead of holding the batch.
 *
 * @param batch      most items retried per poll ({@code medrelay.work-items.release-retry-batch})
 * @param firstDelay wait after the first failure ({@code medrelay.work-items.release-retry-first-delay-ms})
 * @param maxDelay   longest wait between attempts ({@code medrelay.work-items.release-retry-max-delay-ms})
 */
public record ReleaseRetries(int batch, Duration firstDelay, Duration maxDelay) {

    public ReleaseRetries {
        if (batch < 1) {
            throw new IllegalArgumentException("release retry batch must be at least 1");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("release retry delays must be 0 <= first <= max, got " + firstDelay
                    + " and " + maxDelay);
        }
    }

    /** When to try again, after {@code failedAttempts} failures (1 or more), the last at {@code failedAt}. */
    public Instant nextAttempt(Instant failedAt, int failedAttempts) {
        Duration delay = firstDelay;
        for (int doubling = 1; doubling < failedAttempts && delay.compareTo(maxDelay) < 0; doubling++) {
            delay = delay.multipliedBy(2);
        }
        return failedAt.plus(delay.compareTo(maxDelay) < 0 ? delay : maxDelay);
    }
}
