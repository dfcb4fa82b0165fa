package org.medrelay.processors.referral;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.review.PatientRef;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The referral loops (V15) as each store runs them: one loop per referral, due selection, claims that win once. */
abstract class ReferralLoopStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-11T09:00:00Z");
    private static final PatientRef PATIENT = new PatientRef("Patient/7", "5eed0000aaaa1111bbbb2222cccc3333");

    private ReferralLoops loops;

    abstract DataSource openStore() throws SQLException;

    abstract void closeStore() throws SQLException;

    @BeforeEach
    void open() throws SQLException {
        loops = new ReferralLoops(openStore());
    }

    @AfterEach
    void close() throws SQLException {
        closeStore();
    }

    @Test
    void aReferralIsTrackedOnce() throws SQLException {
        assertTrue(loops.open("REF-1", PATIENT, "ServiceRequest/3", "CARD", T0, T0.plus(Duration.ofDays(3))).isPresent());
        assertTrue(loops.open("REF-1", PATIENT, "ServiceRequest/3", "CARD", T0, T0.plus(Duration.ofDays(3))).isEmpty());
        ReferralLoop loop = loops.find("REF-1").orElseThrow();
        assertEquals(ReferralStage.SENT, loop.stage());
        assertEquals(T0, loop.stageAt());
        assertEquals(T0.plus(Duration.ofDays(3)), loop.nextFollowUp());
        assertEquals(PATIENT, loop.patient());
    }

    @Test
    void dueLoopsAreClaimedOnceAndAnAlertStopsFollowUps() throws SQLException {
        loops.open("REF-2", PATIENT, null, "ENDO", T0, T0.plus(Duration.ofDays(1)));
        loops.open("REF-3", PATIENT, null, "GI", T0, T0.plus(Duration.ofDays(5)));
        assertEquals(List.of(), loops.due(T0));
        List<ReferralLoop> due = loops.due(T0.plus(Duration.ofDays(1)));
        assertEquals(List.of("REF-2"), due.stream().map(ReferralLoop::referralId).toList());

        assertTrue(loops.followedUp(due.get(0), T0.plus(Duration.ofDays(2))));
        assertFalse(loops.followedUp(due.get(0), T0.plus(Duration.ofDays(2))), "a second engine with the same read loses");
        ReferralLoop once = loops.find("REF-2").orElseThrow();
        assertEquals(1, once.followUpsSent());
        assertTrue(loops.alerted(once, T0.plus(Duration.ofDays(2))));
        assertFalse(loops.alerted(once, T0.plus(Duration.ofDays(2))));
        assertNull(loops.find("REF-2").orElseThrow().nextFollowUp());
        assertEquals(List.of("REF-3"), loops.due(T0.plus(Duration.ofDays(30))).stream().map(ReferralLoop::referralId).toList());

        ReferralLoop alerted = loops.find("REF-2").orElseThrow();
        assertTrue(loops.advance(alerted, ReferralStage.REPORT_RECEIVED, T0.plus(Duration.ofDays(9)), null));
        assertFalse(loops.advance(alerted, ReferralStage.SEEN, T0.plus(Duration.ofDays(9)), null), "moved meanwhile");
        assertEquals(List.of("REF-3"), loops.open().stream().map(ReferralLoop::referralId).toList());
    }
}
