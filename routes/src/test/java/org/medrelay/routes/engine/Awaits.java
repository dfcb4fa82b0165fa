package org.medrelay.routes.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Bounded waits of the engine's round-trip tests: what the engine does, it does on its own threads. */
final class Awaits {

    private Awaits() {
    }

    /** Polls {@code probe} every 100 ms until it finds something, failing the test after {@code timeout}. */
    static <T> T until(String what, Duration timeout, Callable<Optional<T>> probe) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = probe.call();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
