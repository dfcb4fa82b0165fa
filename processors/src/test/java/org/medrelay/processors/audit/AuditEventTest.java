package org.medrelay.processors.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An audit event holds no PHI by construction, and its hash covers every field. */
class AuditEventTest {

    private static final Instant AT = Instant.parse("2026-11-03T08:30:00.123456789Z");

    @Test
    void aPatientKeyThatIsNotAPseudonymIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AuditEvent("system:x", AuditAction.READ, AT,
                "MRH:MRN-1001", null, null, AuditOutcome.SUCCESS, null, null));
        assertThrows(IllegalArgumentException.class, () -> new AuditEvent("system:x", AuditAction.READ, AT,
                "Testpatient", null, null, AuditOutcome.SUCCESS, null, null));
    }

    @Test
    void timeIsKeptToTheMicrosecondTheStoresHold() {
        AuditEvent event = new AuditEvent("system:x", AuditAction.READ, AT, null, null, null, AuditOutcome.SUCCESS,
                null, null);
        assertEquals(Instant.parse("2026-11-03T08:30:00.123456Z"), event.recordedAt());
    }

    @Test
    void everyFieldChangesTheHash() {
        AuditEvent base = new AuditEvent("system:x", AuditAction.READ, AT, "5d41402abc4b2a76b9719d91", "A|B|1",
                "Patient/1", AuditOutcome.SUCCESS, null, "in");
        String hash = AuditEntryHash.of(1, base, AuditEntryHash.GENESIS);

        assertNotEquals(hash, AuditEntryHash.of(2, base, AuditEntryHash.GENESIS));
        assertNotEquals(hash, AuditEntryHash.of(1, base, "1".repeat(64)));
        assertNotEquals(hash, AuditEntryHash.of(1, new AuditEvent("system:x", AuditAction.READ, AT,
                "5d41402abc4b2a76b9719d91", "A|B|1", "Patient/1", AuditOutcome.SUCCESS, "", "in"), AuditEntryHash.GENESIS),
                "an empty reason is not a missing one");
        assertNotEquals(hash, AuditEntryHash.of(1, new AuditEvent("system:x", AuditAction.READ, AT,
                "5d41402abc4b2a76b9719d91", "A|B|", "1Patient/1", AuditOutcome.SUCCESS, null, "in"), AuditEntryHash.GENESIS),
                "a character moved from one field to the next");
    }
}
