package org.medrelay.processors.access;

import java.time.Duration;

/**
 * How many failed logins in a row lock an account, and for how long: slows a password guesser to a few tries
 * per lockout period per account, without locking a person out for good.
 */
public record LockoutPolicy(int attempts, Duration lockout) {

    public LockoutPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("lockout attempts must be at least 1");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("lockout duration must be positive");
        }
    }
}
