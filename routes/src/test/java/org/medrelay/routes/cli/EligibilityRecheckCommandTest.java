package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.x12.EligibilityInquiry;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.eligibility.EligibilityCheck;
import org.medrelay.processors.eligibility.EligibilityRequests;
import org.medrelay.processors.eligibility.RequestStatus;
import org.medrelay.processors.eligibility.SentEnvelope;
import org.medrelay.processors.eligibility.StoredRequest;
import org.medrelay.processors.eligibility.Visit;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.PayloadEncryptionKeys;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code medrelay eligibility recheck} on the engine's store: a check already answered for a patient, payer and date
 * is asked again (due now, audited as the operating-system user's REPROCESS), the one it replaces no longer counts,
 * and one that no longer counts is refused with exit 1.
 */
class EligibilityRecheckCommandTest {

    private static final String PATIENT_KEY = "0a1b2c3d4e5f60718293a4b5";

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    void aCheckAskedAgainIsDueNowAuditedAndReplacesTheOneThatCounted() throws Exception {
        Path config = config();
        StoredRequest answered = answeredCheck(config);

        int exit = MedRelayCli.execute("eligibility", "recheck", "--request", String.valueOf(answered.id()),
                "--config", config.toString());

        assertEquals(0, exit, streams.err());
        String[] row = streams.out().lines().skip(1).findFirst().orElseThrow().split("\t");
        long again = Long.parseLong(row[0]);
        assertEquals("DUE", row[1]);
        assertEquals("2026-12-01", row[3]);
        assertEquals("60054", row[4]);
        assertTrue(Instant.parse(row[2]).isBefore(Instant.now().plusSeconds(1)), "due now");
        try (HikariDataSource store = EngineStore.open(config)) {
            EligibilityRequests requests = requests(store, config);
            assertEquals(Optional.empty(), requests.counting(answered.id()));
            StoredRequest asked = requests.counting(again).orElseThrow();
            assertTrue(asked.check().askedAgain());
            assertEquals("W100", asked.check().subscriber().memberId());
            AuditEntry entry = new AuditTrail(store).newestFirst(AuditQuery.ALL, 5).get(0);
            assertEquals(AuditAction.REPROCESS, entry.event().action());
            assertEquals("eligibility-request/" + again, entry.event().target());
            assertEquals("asked again: replaces eligibility-request/" + answered.id(), entry.event().reason());
            assertEquals(PATIENT_KEY, entry.event().patientKey());
            assertEquals("cli", entry.event().interfaceName());
            assertTrue(entry.event().actor().startsWith("os:"));
        }

        // the replaced request, by its trace, no longer counts: nothing is asked and the exit says so
        streams.reset();
        assertEquals(1, MedRelayCli.execute("eligibility", "recheck", "--trace", answered.traceNumber(), "--config", config.toString()));
        assertTrue(streams.err().contains("that still counts"), streams.err());
    }

    @Test
    void anUnknownRequestExitsOne() throws Exception {
        Path config = config();
        answeredCheck(config);
        assertEquals(1, MedRelayCli.execute("eligibility", "recheck", "--request", "999", "--config", config.toString()));
        assertEquals("", streams.out());
    }

    private Path config() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path config = dir.resolve("application.properties");
        // synthetic random key, made for this test only
        Files.writeString(config, "medrelay.data.dir=" + dir.resolve("data") + "\nmedrelay.encryption.key.k1="
                + Base64.getEncoder().encodeToString(key) + "\n");
        return config;
    }

    /** A check as the engine leaves it once its 271 is in: sent and answered. */
    private static StoredRequest answeredCheck(Path config) throws Exception {
        try (HikariDataSource store = EngineStore.open(config)) {
            EligibilityRequests requests = requests(store, config);
            EligibilityCheck check = new EligibilityCheck(PATIENT_KEY, "Patient/syn-7", null, "REGADT|MRH|C1",
                    new EligibilityInquiry.InformationSource("AETNA", "PI", "60054"),
                    new EligibilityInquiry.Subscriber("TESTPATIENT", "ALMA", "W100", LocalDate.of(1971, 2, 14), "F"),
                    new Visit(LocalDate.of(2026, 12, 1), "98", new BigDecimal("200")), Instant.now(), false);
            StoredRequest request = requests.schedule(check, "coverage-key-1").orElseThrow();
            requests.sent(request.id(), new SentEnvelope("000000001", "1", "0001"), "270-test.x12");
            requests.answered(request.id(), "CoverageEligibilityResponse/cer-1", "gaps: high-deductible");
            assertEquals(1, requests.count(RequestStatus.ANSWERED));
            return request;
        }
    }

    private static EligibilityRequests requests(HikariDataSource store, Path config) {
        return new EligibilityRequests(store, PayloadEncryptionKeys.forTools(EngineProperties.load(ConfigFiles.resolve(config))),
                Clock.systemUTC());
    }
}
