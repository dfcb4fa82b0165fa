package org.medrelay.processors.eligibility;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.x12.EligibilityInquiry;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.testing.TestStores;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V9 on PostgreSQL, the production store, in a schema of its own: a visit cancelled before and after its 270, the due
 * list of one clearinghouse's payers, and a FHIR feed's watermark and overlap. Skipped, saying so, where no PostgreSQL
 * is reachable at 127.0.0.1:5432.
 */
class PostgresEligibilityStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private TestStores.PostgresSchemaStore store;
    private EligibilityRequests requests;

    @BeforeEach
    void open() throws Exception {
        store = TestStores.postgresSchemaStore("medrelay_el", "eligibility store test");
        requests = new EligibilityRequests(store.dataSource(), PayloadCipher.clearOnly(), CLOCK);
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void cancelledVisitsAndOneClearinghousesDueList() throws Exception {
        StoredRequest unsent = requests.schedule(check("60054", "APTKEY1", 3), "cov1").orElseThrow();
        StoredRequest sent = requests.schedule(check("87726", "APTKEY2", 4), "cov2").orElseThrow();
        requests.sent(sent.id(), new SentEnvelope("000000001", "1", "0001"), "270-test.x12");

        assertEquals(List.of(unsent.id()), requests.due(CLOCK.instant(), 10, Set.of("87726"), true).stream().map(StoredRequest::id).toList());
        assertEquals(List.of(), requests.due(CLOCK.instant(), 10, Set.of("87726"), false));

        requests.cancelVisit("APTKEY1");
        requests.cancelVisit("APTKEY2");
        assertEquals(RequestStatus.CANCELLED, requests.byTrace(unsent.traceNumber()).orElseThrow().status());
        StoredRequest marked = requests.byTrace(sent.traceNumber()).orElseThrow();
        assertEquals(RequestStatus.SENT, marked.status());
        assertTrue(marked.forCancelledVisit());
        assertEquals(0, requests.count(RequestStatus.DUE));
    }

    @Test
    void aFeedsWatermarkStartsWhereConfiguredRisesAndForgetsWhatLeftTheOverlap() throws Exception {
        FhirFeedWatermarks watermarks = new FhirFeedWatermarks(store.dataSource(), Duration.ofSeconds(5), CLOCK);
        Instant first = Instant.parse("2026-11-24T10:00:00Z");
        assertEquals(first.minusSeconds(5), watermarks.readFrom("appointments", first));

        watermarks.taken("appointments", "Appointment/1/_history/1", first.plusSeconds(10));
        watermarks.taken("appointments", "Appointment/2/_history/1", first.plusSeconds(30));
        assertEquals(first.plusSeconds(25), watermarks.readFrom("appointments", Instant.EPOCH));
        assertTrue(watermarks.seen("appointments", "Appointment/2/_history/1"));
        assertFalse(watermarks.seen("appointments", "Appointment/1/_history/1"), "out of the overlap: forgotten");
        assertFalse(watermarks.seen("intake-forms", "Appointment/2/_history/1"));
    }

    private static EligibilityCheck check(String payer, String appointmentKey, int daysAhead) {
        return new EligibilityCheck("00112233445566778899aabb", "Patient/7", appointmentKey, "SCHED|MRH|" + appointmentKey,
                new EligibilityInquiry.InformationSource("PAYER", "PI", payer),
                new EligibilityInquiry.Subscriber("TESTPATIENT", "ALMA", "W1" + payer, LocalDate.of(1971, 2, 14), "F"),
                new Visit(LocalDate.of(2026, 11, 24).plusDays(daysAhead), "98", new BigDecimal("200")), CLOCK.instant(), false);
    }
}
