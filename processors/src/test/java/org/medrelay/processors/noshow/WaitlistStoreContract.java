package org.medrelay.processors.noshow;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waitlist and appointment events (V10) as each store runs them: matching, one offer per patient, metrics. */
abstract class WaitlistStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final ScheduledVisit SLOT = new ScheduledVisit("urn:sched|A1", "1234567890", "Dana Doctor", "ROUTINE",
            Instant.parse("2026-11-26T15:00:00Z"), Instant.parse("2026-11-26T15:30:00Z"));

    private Waitlist waitlist;
    private AppointmentEvents events;

    abstract DataSource openStore() throws SQLException;

    abstract void closeStore() throws SQLException;

    @BeforeEach
    void open() throws SQLException {
        DataSource store = openStore();
        waitlist = new Waitlist(store);
        events = new AppointmentEvents(store);
    }

    @AfterEach
    void close() throws SQLException {
        closeStore();
    }

    @Test
    void theLongestWaitingMatchIsOfferedOnceAndItsBookingRefillsTheSlot() throws Exception {
        waitlist.add("aaaaaaaaaaaaaaaa", "Patient/1", "1234567890", "ROUTINE", Instant.parse("2026-11-26T00:00:00Z"), "os:t", T0);
        long second = waitlist.add("bbbbbbbbbbbbbbbb", "Patient/2", "1234567890", "ROUTINE", null, "os:t", T0.plusSeconds(60));
        waitlist.add("cccccccccccccccc", "Patient/3", "1234567890", "FOLLOWUP", null, "os:t", T0.minusSeconds(60));
        waitlist.add("dddddddddddddddd", "Patient/4", "1234567890", "ROUTINE", null, "os:t", T0.minusSeconds(120));

        WaitlistEntry match = waitlist.firstMatch(SLOT, "dddddddddddddddd").orElseThrow();
        assertEquals(second, match.id(), "the first wants an earlier date, the third another type, the fourth freed the slot");
        assertTrue(waitlist.markOffered(second, SLOT, "slotkey", T0));
        assertFalse(waitlist.markOffered(second, SLOT, "slotkey", T0), "a patient is offered one slot at a time");

        assertTrue(events.record("slotkey", AppointmentEvents.CANCELLED, SLOT, T0));
        assertFalse(events.record("slotkey", AppointmentEvents.CANCELLED, SLOT, T0), "a resend is counted once");
        assertTrue(events.recorded("slotkey", AppointmentEvents.CANCELLED));
        events.offered("slotkey", AppointmentEvents.CANCELLED, second);
        events.record("other", AppointmentEvents.BOOKED, SLOT, T0);
        events.record("noshow", AppointmentEvents.NO_SHOW, SLOT, T0);

        assertEquals(second, waitlist.booked("bbbbbbbbbbbbbbbb", "1234567890", "ROUTINE", T0).orElseThrow().id());
        events.refilled(second, T0);

        assertEquals(List.of(new NoShowMetric("1234567890", "ROUTINE", 3, 1, 1, 1.0 / 3, 2, 1, 1)), events.metrics());
        assertEquals(List.of("Patient/4", "Patient/3", "Patient/1"), waitlist.open().stream().map(WaitlistEntry::patientReference).toList());
    }
}
