package org.medrelay.processors.fhir.auth;

import java.time.Clock;
import java.time.Duration;

/**
 * Keeps one access token for every thread that writes to the EHR: it is reused until {@code skew} before it
 * expires, and replaced when the EHR rejects it. Several processing consumers share one FHIR client, so a
 * token request is made under a lock: when many threads find the token stale (or rejected) at once, one asks
 * and the others take its answer instead of each asking the token endpoint.
 */
final class AccessTokenCache {

    private final TokenSource source;
    private final Clock clock;
    private final Duration skew;
    private volatile AccessToken current;

    AccessTokenCache(TokenSource source, Clock clock, Duration skew) {
        this.source = source;
        this.clock = clock;
        this.skew = skew;
    }

    /** A token that is good for a while yet, from the cache or freshly obtained. */
    AccessToken current() {
        AccessToken token = current;
        if (token != null && token.isUsableAt(clock.instant(), skew)) {
            return token;
        }
        synchronized (this) {
            token = current;
            if (token == null || !token.isUsableAt(clock.instant(), skew)) {
                token = source.obtain();
                current = token;
            }
            return token;
        }
    }

    /**
     * A token to retry with after the EHR answered 401 to {@code rejectedValue}: a new one, unless another
     * thread has already replaced the rejected token.
     */
    AccessToken replaceRejected(String rejectedValue) {
        synchronized (this) {
            AccessToken token = current;
            if (token == null || token.value().equals(rejectedValue) || !token.isUsableAt(clock.instant(), skew)) {
                token = source.obtain();
                current = token;
            }
            return token;
        }
    }
}
