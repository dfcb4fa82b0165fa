package org.medrelay.routes.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's login sessions, in memory: a random token (the cookie) per login, ended by logout, by the idle
 * timeout and by the maximum lifetime. In memory on purpose: a restart logs everyone off, and no token is ever
 * written where a copy of the store or of a backup could replay it.
 */
final class Sessions {

    /** One person's login. */
    record Session(String token, String username, Instant startedAt, Instant lastSeen) {
    }

    /** What a token turned out to be: a live session, one that just ran out (and why), or nothing. */
    record Lookup(Session session, String endedBecause) {

        static final Lookup NONE = new Lookup(null, null);

        boolean active() {
            return session != null && endedBecause == null;
        }
    }

    private static final int TOKEN_BYTES = 32;

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final Clock clock;

    Sessions(Duration idleTimeout, Duration maxLifetime, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    Session start(String username) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Session session = new Session(token, username, now, now);
        byToken.put(token, session);
        return session;
    }

    /** A live session is touched (its idle time restarts); one that ran out is removed and said so once. */
    Lookup find(String token) {
        if (token == null) {
            return Lookup.NONE;
        }
        Session session = byToken.get(token);
        if (session == null) {
            return Lookup.NONE;
        }
        Instant now = clock.instant();
        String ended = !now.isBefore(session.lastSeen().plus(idleTimeout)) ? "idle timeout"
                : !now.isBefore(session.startedAt().plus(maxLifetime)) ? "maximum session lifetime" : null;
        if (ended != null) {
            return byToken.remove(token, session) ? new Lookup(session, ended) : Lookup.NONE;
        }
        Session touched = new Session(token, session.username(), session.startedAt(), now);
        byToken.replace(token, session, touched);
        return new Lookup(touched, null);
    }

    Optional<Session> end(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byToken.remove(token));
    }

    /** Logs a person off everywhere, e.g. when their account is disabled. */
    void endAllOf(String username) {
        byToken.values().removeIf(s -> s.username().equals(username));
    }

    Duration idleTimeout() {
        return idleTimeout;
    }
}
