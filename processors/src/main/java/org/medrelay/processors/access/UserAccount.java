package org.medrelay.processors.access;

import java.time.Instant;

/**
 * One person's account for the API and console. Never shared: the audit trail names the person by it.
 *
 * @param failedLogins     consecutive failed logins since the last success
 * @param lockedUntil      after too many failures, no login until then; null when not locked
 * @param breakGlassUntil  an emergency grant (all queues) ends then; null when none was given
 * @param breakGlassReason why it was given, as typed by the person who gave it (may name a patient: never logged)
 */
public record UserAccount(String username, Role role, boolean disabled, int failedLogins, Instant lockedUntil,
                          Instant breakGlassUntil, String breakGlassReason, Instant createdAt, String createdBy) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public boolean breakGlassAt(Instant now) {
        return breakGlassUntil != null && now.isBefore(breakGlassUntil);
    }

    @Override
    public String toString() {
        return "UserAccount[" + username + ", " + role.code() + (disabled ? ", disabled" : "") + "]";
    }
}
