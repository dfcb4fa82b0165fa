package org.medrelay.processors.eligibility;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.x12.ControlNumbers;
import org.medrelay.mappings.x12.EligibilityInquiry;
import org.medrelay.processors.clearinghouse.StoredControlNumbers;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.crypto.PayloadKeyRing;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The eligibility_request table and the stored control numbers (V6) on H2, as the engine migrates it. */
class EligibilityRequestsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final String PATIENT = "0123456789abcdef01234567";
    private final HikariDataSource store = StoreDataSources.openAndMigrate(new StoreSettings(
            "jdbc:h2:mem:eligibility-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
    private final PayloadCipher cipher = PayloadCipher.encrypting(PayloadKeyRing.of("k1", Map.of("k1", PayloadKeyRing.aesKey(randomKey()))));
    private final EligibilityRequests requests = new EligibilityRequests(store, cipher, CLOCK);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void controlNumbersAreUniqueBetweenThreadsAndContinueAfterARestart() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<List<Long>>> taken = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            StoredControlNumbers numbers = new StoredControlNumbers(store);
            Callable<List<Long>> take = () -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    mine.add(numbers.next(ControlNumbers.Kind.INTERCHANGE));
                }
                return mine;
            };
            taken.add(threads.submit(take));
        }
        Set<Long> all = new HashSet<>();
        for (Future<List<Long>> f : taken) {
            all.addAll(f.get());
        }
        threads.shutdown();
        assertEquals(200, all.size());
        assertEquals(201, new StoredControlNumbers(store).next(ControlNumbers.Kind.INTERCHANGE), "a new instance (a restart) continues");
        assertEquals(1, new StoredControlNumbers(store).next(ControlNumbers.Kind.GROUP), "each kind counts on its own");
    }

    @Test
    void theSameCheckIsRecordedOnceUnlessAskedAgain() throws Exception {
        assertTrue(requests.schedule(check("APPT1", LocalDate.of(2026, 12, 1), false), "cov1").isPresent());
        assertFalse(requests.schedule(check("APPT1", LocalDate.of(2026, 12, 1), false), "cov1").isPresent());
        assertFalse(requests.schedule(check(null, LocalDate.of(2026, 12, 1), false), "cov1").isPresent(), "same patient, payer, date");
        assertTrue(requests.schedule(check("APPT1", LocalDate.of(2026, 12, 1), true), "cov1").isPresent());
        assertEquals(1, requests.count(RequestStatus.DUE));
        assertEquals(1, requests.count(RequestStatus.SUPERSEDED));
    }

    @Test
    void aMovedVisitSupersedesTheCheckNotYetSentAndAChangedCoverageIsCheckedAgain() throws Exception {
        StoredRequest first = requests.schedule(check("APPT1", LocalDate.of(2026, 12, 1), false), "cov1").orElseThrow();
        StoredRequest moved = requests.schedule(check("APPT1", LocalDate.of(2026, 12, 8), false), "cov1").orElseThrow();
        assertEquals(RequestStatus.SUPERSEDED, requests.byTrace(first.traceNumber()).orElseThrow().status());
        requests.sent(moved.id(), new SentEnvelope("000000007", "7", "0007"), "270-1.x12");
        StoredRequest newCoverage = requests.schedule(check("APPT1", LocalDate.of(2026, 12, 8), false), "cov2").orElseThrow();
        assertEquals(RequestStatus.SENT, requests.byTrace(moved.traceNumber()).orElseThrow().status(), "a sent check stays as it is");
        assertEquals(RequestStatus.DUE, requests.byTrace(newCoverage.traceNumber()).orElseThrow().status());
        assertEquals(List.of(moved.id()), requests.byInterchange("000000007").stream().map(StoredRequest::id).toList());
    }

    @Test
    void twoThreadsRecordingTheSameCheckLeaveOne() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Optional<StoredRequest>>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            results.add(threads.submit(() -> requests.schedule(check("APPT9", LocalDate.of(2026, 12, 3), false), "cov1")));
        }
        int recorded = 0;
        for (Future<Optional<StoredRequest>> r : results) {
            recorded += r.get().isPresent() ? 1 : 0;
        }
        threads.shutdown();
        assertEquals(1, recorded);
        assertEquals(1, requests.count(RequestStatus.DUE));
    }

    @Test
    void thePayloadIsSealedAndReadsBack() throws Exception {
        StoredRequest stored = requests.schedule(check("APPT1", LocalDate.of(2026, 12, 1), false), "cov1").orElseThrow();
        try (Connection c = store.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select payload from eligibility_request")) {
            rs.next();
            String raw = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains("QUILLFEATHER") || raw.contains("W99887766"), "no member name or id in clear");
        }
        EligibilityCheck back = requests.due(Instant.parse("2026-12-31T00:00:00Z"), 10).get(0).check();
        assertEquals("W99887766", back.subscriber().memberId());
        assertEquals(stored.check().visit(), back.visit());
        assertTrue(stored.traceNumber().matches("E[0-9A-F]{19}"));
    }

    private static EligibilityCheck check(String appointment, LocalDate date, boolean again) {
        return new EligibilityCheck(PATIENT, "Patient/7", appointment == null ? null : "appt-" + appointment, "REG|MRH|C1",
                new EligibilityInquiry.InformationSource("NOTREAL HEALTH PLAN", "PI", "12345"),
                new EligibilityInquiry.Subscriber("QUILLFEATHER", "ZEB", "W99887766", LocalDate.of(1970, 1, 2), "M"),
                new Visit(date, "98", new BigDecimal("200")), date.atStartOfDay().minusDays(2).toInstant(ZoneOffset.UTC), again);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
