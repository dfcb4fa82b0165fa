package org.medrelay.processors.audit;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the audit trail promises, on any store it runs on: appends form one hash chain, also from many
 * threads at once, and verification names the first entry that was altered, unlinked or removed with SQL.
 * Subclasses give the store (H2, PostgreSQL), freshly migrated for each test.
 */
abstract class AuditTrailContract {

    static final Instant T0 = Instant.parse("2026-11-03T08:30:00.123456Z");
    static final String PATIENT = "5d41402abc4b2a76b9719d91";

    /** A store migrated to the current schema, empty. */
    abstract DataSource store();

    AuditTrail trail() {
        return new AuditTrail(store());
    }

    ChainVerification verify() throws SQLException {
        return new AuditChainVerifier(store()).verify();
    }

    static AuditEvent received(int n, Instant at) {
        return new AuditEvent("system:hl7-process", AuditAction.RECEIVE, at, PATIENT, "REGADT|MRH_CLINIC|T" + n,
                null, AuditOutcome.SUCCESS, null, "hl7-mllp-in");
    }

    void appendReceived(int count) throws SQLException {
        for (int i = 1; i <= count; i++) {
            trail().append(received(i, T0.plusSeconds(i)));
        }
    }

    void sql(String statement) throws SQLException {
        try (Connection c = store().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void anEmptyTrailIsIntact() throws Exception {
        assertEquals("audit chain intact: 0 entries", verify().describe());
    }

    @Test
    void appendedEntriesChainFromGenesisAndVerifyIntact() throws Exception {
        AuditEntry first = trail().append(received(1, T0));
        List<AuditEntry> batch = trail().append(List.of(received(2, T0), received(3, T0)));

        assertEquals(1, first.id());
        assertEquals(AuditEntryHash.GENESIS, first.previousHash());
        assertEquals(first.hash(), batch.get(0).previousHash());
        assertEquals(batch.get(0).hash(), batch.get(1).previousHash());
        ChainVerification result = verify();
        assertTrue(result.intact(), result.describe());
        assertEquals("audit chain intact: 3 entries", result.describe());
        assertEquals(3, result.lastId());
        assertEquals(batch.get(1).hash(), result.lastHash());
    }

    @Test
    void entriesReadBackAsWritten() throws Exception {
        AuditEntry written = trail().append(received(1, T0));

        AuditEntry read = trail().newestFirst(AuditQuery.ALL, 10).get(0);

        assertEquals(written, read, "time, fields and hashes survive the round trip through the store");
    }

    @Test
    void outcomeChangedWithSqlIsNamedContentAltered() throws Exception {
        appendReceived(10);

        sql("update audit_event set outcome = 'FAILURE' where id = 4");

        assertEquals("audit chain broken at entry 4: content altered", verify().describe());
    }

    @Test
    void timeChangedWithSqlIsNamedContentAltered() throws Exception {
        appendReceived(5);

        sql("update audit_event set recorded_at = recorded_at + interval '1' hour where id = 2");

        assertEquals("audit chain broken at entry 2: content altered", verify().describe());
    }

    @Test
    void deletedMiddleEntryIsNamedMissing() throws Exception {
        appendReceived(10);

        sql("delete from audit_event where id = 6");

        ChainVerification result = verify();
        assertEquals("audit chain broken at entry 6: entry missing", result.describe());
        assertEquals(5, result.entriesVerified());
    }

    @Test
    void deletedLastEntriesAreNamedMissing() throws Exception {
        appendReceived(10);

        sql("delete from audit_event where id >= 9");

        assertEquals("audit chain broken at entry 9: entry missing", verify().describe());
    }

    @Test
    void changedHashIsNamedHashAltered() throws Exception {
        appendReceived(10);

        sql("update audit_event set entry_hash = '" + "ab".repeat(32) + "' where id = 7");

        assertEquals("audit chain broken at entry 7: hash altered", verify().describe());
    }

    @Test
    void contentChangedWithItsHashRecomputedBreaksTheNextLink() throws Exception {
        appendReceived(10);
        AuditEntry original = trail().newestFirst(AuditQuery.ALL, 10).stream().filter(e -> e.id() == 3)
                .findFirst().orElseThrow();
        AuditEvent forged = new AuditEvent(original.event().actor(), original.event().action(),
                original.event().recordedAt(), original.event().patientKey(), original.event().sourceMessage(),
                original.event().target(), AuditOutcome.FAILURE, null, original.event().interfaceName());

        sql("update audit_event set outcome = 'FAILURE', entry_hash = '"
                + AuditEntryHash.of(3, forged, original.previousHash()) + "' where id = 3");

        assertEquals("audit chain broken at entry 4: link broken", verify().describe());
    }

    @Test
    void aLinkPointedElsewhereIsNamedLinkBroken() throws Exception {
        appendReceived(5);

        sql("update audit_event set previous_hash = '" + AuditEntryHash.GENESIS + "' where id = 3");

        assertEquals("audit chain broken at entry 3: link broken", verify().describe());
    }

    @Test
    void aPatientKeyReplacedByAnMrnIsNamedContentAltered() throws Exception {
        appendReceived(3);

        sql("update audit_event set patient_key = 'MRN-12345' where id = 2");

        assertEquals("audit chain broken at entry 2: content altered", verify().describe());
    }

    @Test
    void concurrentAppendersFormOneChain() throws Exception {
        int threads = 8;
        int appendsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                appenders.add(pool.submit(() -> {
                    start.await();
                    AuditTrail trail = trail();
                    for (int i = 0; i < appendsEach; i++) {
                        if (i % 5 == 4) {
                            trail.append(List.of(received(thread * 1000 + i, T0), received(thread * 1000 + i, T0)));
                        } else {
                            trail.append(received(thread * 1000 + i, T0));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> appender : appenders) {
                appender.get();
            }
        } finally {
            pool.shutdownNow();
        }

        int expected = threads * (appendsEach + appendsEach / 5);
        ChainVerification result = verify();
        assertTrue(result.intact(), result.describe());
        assertEquals(expected, result.entriesVerified());
        assertEquals(expected, result.lastId(), "ids 1..N without a gap or a duplicate");
    }

    @Test
    void purgeKeepsTheRemainingChainVerifiable() throws Exception {
        appendReceived(20); // T0 + 1 s ... T0 + 20 s
        Instant now = T0.plus(Duration.ofDays(10));
        AuditRetention retention = new AuditRetention(store(), trail(), Duration.ofDays(10),
                Clock.fixed(now, ZoneOffset.UTC));

        long purged = retention.purgeRecordedBefore(T0.plusSeconds(13), now);

        assertEquals(12, purged);
        ChainVerification result = verify();
        assertTrue(result.intact(), result.describe());
        assertEquals("audit chain intact: 9 entries", result.describe(), "entries 13..20 and the purge entry");
        AuditEntry purge = trail().newestFirst(AuditQuery.ALL, 1).get(0);
        assertEquals(AuditAction.PURGE, purge.event().action());
        assertEquals("audit-event/1..12", purge.event().target());
        assertEquals("system:audit-retention", purge.event().actor());

        trail().append(received(21, now));
        assertEquals(0, retention.purgeRecordedBefore(T0, now), "nothing older than the cutoff: nothing purged");
        assertEquals("audit chain intact: 10 entries", verify().describe());
    }

    @Test
    void aSecondPurgeMovesTheAnchorAndStaysVerifiable() throws Exception {
        appendReceived(10);
        AuditRetention retention = new AuditRetention(store(), trail(), Duration.ofDays(1), Clock.systemUTC());
        retention.purgeRecordedBefore(T0.plusSeconds(4), T0.plusSeconds(100)); // 1..3, then PURGE as 11
        trail().append(received(12, T0.plusSeconds(200)));

        long purged = retention.purgeRecordedBefore(T0.plusSeconds(150), T0.plusSeconds(300));

        assertEquals(8, purged, "entries 4..11: the first purge's entry is old too");
        assertEquals("audit chain intact: 2 entries", verify().describe());
    }

    @Test
    void expiredEntriesGoByTheConfiguredRetention() throws Exception {
        appendReceived(3);
        Instant now = T0.plus(Duration.ofDays(2190)).plusSeconds(2).plusMillis(500);

        long purged = new AuditRetention(store(), trail(), Duration.ofDays(2190), Clock.fixed(now, ZoneOffset.UTC))
                .purgeExpired();

        assertEquals(2, purged, "entries 1 and 2 are more than 2190 days old, entry 3 is not");
        assertEquals(0, new AuditRetention(store(), trail(), Duration.ZERO, Clock.systemUTC()).purgeExpired(),
                "retention 0 keeps everything");
    }

    @Test
    void entriesRemovedAfterThePurgeWithTheAnchorMovedAreDetected() throws Exception {
        appendReceived(10);
        new AuditRetention(store(), trail(), Duration.ofDays(1), Clock.systemUTC())
                .purgeRecordedBefore(T0.plusSeconds(4), T0.plusSeconds(100)); // anchor at 4, PURGE entry 11
        String hashOf8;
        try (Connection c = store().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select entry_hash from audit_event where id = 8")) {
            rs.next();
            hashOf8 = rs.getString(1);
        }

        // Someone removes 4..8 and moves the anchor so the chain still links: the purge entry names 1..3.
        sql("delete from audit_event where id <= 8");
        sql("update audit_chain_anchor set first_id = 9, previous_hash = '" + hashOf8 + "'");

        assertEquals("audit chain broken at entry 9: purge anchor does not match the chain", verify().describe());
    }

    @Test
    void listsNewestFirstByPatientAndTime() throws Exception {
        appendReceived(3);
        trail().append(AuditEvent.of("os:clerk", AuditAction.READ, T0.plusSeconds(10),
                AuditSubject.patient("aaaaaaaaaaaaaaaaaaaaaaaa"), "error", AuditOutcome.SUCCESS, null));

        List<AuditEntry> forPatient = trail().newestFirst(new AuditQuery(null, PATIENT), 10);
        List<AuditEntry> recent = trail().newestFirst(new AuditQuery(T0.plusSeconds(3), null), 10);

        assertEquals(List.of(3L, 2L, 1L), forPatient.stream().map(AuditEntry::id).toList());
        assertEquals(List.of(4L, 3L), recent.stream().map(AuditEntry::id).toList());
    }
}
