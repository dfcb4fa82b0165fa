package org.medrelay.routes.api;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Session lifetimes on a clock the test moves: use keeps a session alive until its maximum lifetime, idleness ends it. */
class SessionsTest {

    private final MovingClock clock = new MovingClock();
    private final Sessions sessions = new Sessions(Duration.ofMinutes(15), Duration.ofHours(12), clock);

    @Test
    void useKeepsASessionAliveAndFifteenIdleMinutesEndIt() {
        Sessions.Session session = sessions.start("kim.frontdesk");
        clock.advance(Duration.ofMinutes(14));
        assertTrue(sessions.find(session.token()).active());
        clock.advance(Duration.ofMinutes(14));
        assertTrue(sessions.find(session.token()).active(), "used 14 minutes ago");
        clock.advance(Duration.ofMinutes(15));

        Sessions.Lookup ended = sessions.find(session.token());
        assertEquals("idle timeout", ended.endedBecause());
        assertEquals("kim.frontdesk", ended.session().username());
        assertEquals(Sessions.Lookup.NONE, sessions.find(session.token()), "said once, then gone");
    }

    @Test
    void aBusySessionStillEndsAtItsMaximumLifetime() {
        Sessions.Session session = sessions.start("dr.osei");
        for (int i = 0; i < 12 * 6; i++) {
            clock.advance(Duration.ofMinutes(10));
            if (!sessions.find(session.token()).active()) {
                break;
            }
        }
        assertEquals(Instant.EPOCH.plus(Duration.ofHours(12)), clock.instant());
    }

    @Test
    void tokensAreUnguessableAndLogoffEndsOnlyThatSession() {
        Sessions.Session first = sessions.start("bo.billing");
        Sessions.Session second = sessions.start("bo.billing");
        assertNotEquals(first.token(), second.token());
        assertEquals(43, first.token().length(), "256 random bits, base64url");
        sessions.end(first.token());
        assertFalse(sessions.find(first.token()).active());
        assertTrue(sessions.find(second.token()).active());
        sessions.endAllOf("bo.billing");
        assertFalse(sessions.find(second.token()).active());
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.EPOCH;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
