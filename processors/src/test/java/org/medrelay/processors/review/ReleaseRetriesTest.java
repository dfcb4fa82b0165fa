package org.medrelay.processors.review;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReleaseRetriesTest {

    private static final Instant FAILED_AT = Instant.parse("2026-11-24T09:00:00Z");
    private final ReleaseRetries retries = new ReleaseRetries(100, Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        assertEquals(FAILED_AT.plusSeconds(30), retries.nextAttempt(FAILED_AT, 1));
        assertEquals(FAILED_AT.plusSeconds(60), retries.nextAttempt(FAILED_AT, 2));
        assertEquals(FAILED_AT.plusSeconds(120), retries.nextAttempt(FAILED_AT, 3));
        assertEquals(FAILED_AT.plusSeconds(1920), retries.nextAttempt(FAILED_AT, 7));
        assertEquals(FAILED_AT.plus(Duration.ofHours(1)), retries.nextAttempt(FAILED_AT, 8), "3840 s capped at 1 h");
        assertEquals(FAILED_AT.plus(Duration.ofHours(1)), retries.nextAttempt(FAILED_AT, 10_000),
                "a draft refused for days waits an hour, and the arithmetic does not overflow");
    }

    @Test
    void delaysOutOfOrderAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReleaseRetries(100, Duration.ofHours(2), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ReleaseRetries(0, Duration.ofSeconds(30), Duration.ofHours(1)));
    }
}
