package org.medrelay.processors.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One audited action: who did what, when, to which patient, from which message, on what, and how it ended.
 * Holds no PHI: the patient is a pseudonymous key and the reason names codes and positions, never values.
 *
 * @param actor         {@code system:<component>}, {@code os:<user>} or a user id (see {@link AuditActors})
 * @param recordedAt    when it happened; kept to the microsecond, the precision both H2 and PostgreSQL store,
 *                      so the hash of an entry read back equals the hash it was written with
 * @param patientKey    pseudonymous patient key (hex, e.g. the keyed hash of PID-3), or null
 * @param sourceMessage the dedup key of the message the action came from, or null
 * @param target        what was acted on: {@code Patient/123}, {@code error/42}, {@code audit-event}; or null
 * @param reason        a short reason, mostly for failures, without PHI; or null
 * @param interfaceName the interface or route the action came through, or null
 */
public record AuditEvent(
        String actor,
        AuditAction action,
        Instant recordedAt,
        String patientKey,
        String sourceMessage,
        String target,
        AuditOutcome outcome,
        String reason,
        String interfaceName) {

    /** A hash in hex: anything else (an MRN, a name) is refused, so it cannot end up in the trail by mistake. */
    private static final Pattern PSEUDONYMOUS_KEY = Pattern.compile("[0-9a-f]{16,64}");
    private static final int REASON_LIMIT = 400;

    public AuditEvent {
        requireText(actor, "actor", 200);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(outcome, "outcome");
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
        if (patientKey != null && !PSEUDONYMOUS_KEY.matcher(patientKey).matches()) {
            throw new IllegalArgumentException("patientKey must be a pseudonymous key (16 to 64 lower-case hex digits)");
        }
        checkLength(sourceMessage, "sourceMessage", 700);
        checkLength(target, "target", 400);
        checkLength(interfaceName, "interfaceName", 100);
        if (reason != null && reason.length() > REASON_LIMIT) {
            reason = reason.substring(0, REASON_LIMIT);
        }
    }

    /** An event about {@code subject}: its patient, source message and interface. */
    public static AuditEvent of(String actor, AuditAction action, Instant recordedAt, AuditSubject subject,
                                String target, AuditOutcome outcome, String reason) {
        return new AuditEvent(actor, action, recordedAt, subject.patientKey(), subject.sourceMessage(), target,
                outcome, reason, subject.interfaceName());
    }

    public static boolean isPseudonymousKey(String key) {
        return key != null && PSEUDONYMOUS_KEY.matcher(key).matches();
    }

    private static void requireText(String value, String name, int limit) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        checkLength(value, name, limit);
    }

    private static void checkLength(String value, String name, int limit) {
        if (value != null && value.length() > limit) {
            throw new IllegalArgumentException(name + " is longer than " + limit + " characters");
        }
    }
}
