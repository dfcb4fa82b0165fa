package org.medrelay.processors.review;

import java.time.Instant;

/**
 * How the release of an approved draft went.
 *
 * @param attempts      releases tried so far
 * @param lastFailure   why the last attempt failed (exception class and the endpoint's words, no payload); null
 *                      once released or before the first failure
 * @param nextAttemptAt when the retry poll tries it again after a failure ({@link ReleaseRetries}); null once
 *                      released or before the first failure
 * @param releasedAt    when the endpoint took it; null until then
 */
public record ReleaseState(int attempts, String lastFailure, Instant nextAttemptAt, Instant releasedAt) {

    public static final ReleaseState NOT_TRIED = new ReleaseState(0, null, null, null);

    public boolean released() {
        return releasedAt != null;
    }
}
