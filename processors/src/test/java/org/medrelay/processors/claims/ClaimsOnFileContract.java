package org.medrelay.processors.claims;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.x12.claims.ClaimOnFile;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.crypto.TestKeys;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Claims on file (V7) and the 837 intake, on H2 and on PostgreSQL: every claim of a valid file kept once, sealed at
 * rest, audited, found by patient control number (and payer and service date), read back whole; an invalid file
 * quarantined with its report and nothing kept.
 */
abstract class ClaimsOnFileContract {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final PayloadCipher cipher = PayloadCipher.encrypting(TestKeys.ring("k2026a"));
    private DataSource store;
    private ClaimsOnFile claims;
    private AuditTrail trail;
    private ClaimFileIntake intake;
    @TempDir
    Path folders;

    abstract DataSource openStore() throws SQLException;

    abstract void closeStore() throws SQLException;

    @BeforeEach
    void open() throws SQLException {
        store = openStore();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        claims = new ClaimsOnFile(store, cipher, clock);
        trail = new AuditTrail(store);
        intake = new ClaimFileIntake(store, claims, trail, folders.resolve("spool"), folders.resolve("quarantine"), clock);
    }

    @AfterEach
    void close() throws SQLException {
        closeStore();
    }

    static byte[] sample(String name) {
        try (InputStream in = ClaimsOnFileContract.class.getResourceAsStream("/medrelay-test-data/x12/" + name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("no sample " + name, e);
        }
    }

    private ClaimIntakeResult take(byte[] file, String name) throws IOException, SQLException {
        return intake.take(new ByteArrayInputStream(file), name);
    }

    @Test
    void everyClaimOfAValidFileIsKeptAndFoundByPatientControlNumber() throws Exception {
        ClaimIntakeResult result = take(sample("837/837P-claims-on-file.x12"), "claims-20261030.x12");

        assertEquals(ClaimIntakeResult.kept(3, 0), result);
        assertEquals(3, claims.count());
        ClaimOnFile appeal = claims.find("APPEAL-1004").orElseThrow();
        assertEquals("DEMOPATIENT", appeal.patient().lastName());
        assertEquals("W100000004", appeal.subscriber().memberId());
        assertEquals(List.of("S83511A"), appeal.diagnosisCodes());
        assertEquals(1, appeal.lines().size());
        assertEquals(Optional.empty(), claims.find("NOT-ON-FILE"));
    }

    @Test
    void aClaimIsFoundByPayerAndServiceDateAndNotByOthers() throws Exception {
        take(sample("837/837P-claims-on-file.x12"), "claims.x12");

        assertTrue(claims.find("RESUB-1003", "99999", LocalDate.of(2026, 11, 1)).isPresent());
        assertFalse(claims.find("RESUB-1003", "88888", null).isPresent());
        assertFalse(claims.find("RESUB-1003", null, LocalDate.of(2026, 11, 2)).isPresent());
    }

    @Test
    void theSameFileTwiceIsKeptOnce() throws Exception {
        take(sample("837/837P-claims-on-file.x12"), "claims.x12");

        ClaimIntakeResult again = take(sample("837/837P-claims-on-file.x12"), "claims-copy.x12");

        assertEquals(ClaimIntakeResult.kept(0, 3), again);
        assertEquals(3, claims.count());
        assertEquals(1, claims.all("PAID-1001").size());
    }

    @Test
    void theSegmentsAreSealedAtRestAndReadBackAsSent() throws Exception {
        take(sample("837/837P-claims-on-file.x12"), "claims.x12");

        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("select patient_control_number, payer_id, submitter_id, service_date, segments"
                     + " from claim_on_file where patient_control_number = 'RESUB-1003'");
             ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next());
            assertEquals("99999", rs.getString("payer_id"));
            assertEquals("MEDRELAY01", rs.getString("submitter_id"));
            assertEquals(java.sql.Date.valueOf("2026-11-01"), rs.getDate("service_date"));
            String stored = new String(rs.getBytes("segments"), StandardCharsets.ISO_8859_1);
            assertFalse(stored.contains("SAMPLEPATIENT"), "the member's name is not in clear");
            assertFalse(stored.contains("W100000003"), "the member id is not in clear");
        }
        ClaimOnFile read = claims.find("RESUB-1003").orElseThrow();
        assertTrue(org.medrelay.mappings.x12.claims.ClaimSegmentsText.write(read.segments())
                .contains("NM1*IL*1*SAMPLEPATIENT*TEST****MI*W100000003~\n"));
    }

    @Test
    void eachClaimKeptIsAuditedWithoutPhi() throws Exception {
        take(sample("837/837P-claims-on-file.x12"), "claims.x12");

        List<AuditEntry> entries = trail.newestFirst(AuditQuery.ALL, 10);
        assertEquals(3, entries.size());
        for (AuditEntry entry : entries) {
            assertEquals(AuditAction.RECEIVE, entry.event().action());
            assertTrue(entry.event().target().matches("claim-on-file/\\d+"), entry.event().target());
            assertEquals("claims-on-file-in", entry.event().interfaceName());
            assertFalse(entry.event().reason().contains("PATIENT"));
        }
    }

    @Test
    void anInvalidFileIsQuarantinedWithItsReportAndNothingIsKept() throws Exception {
        byte[] broken = new String(sample("837/837P-claims-on-file.x12"), StandardCharsets.ISO_8859_1)
                .replace("SV1*HC:99213*200*UN*1***1~", "SV1*HC:99213*200*DA*1***1~").getBytes(StandardCharsets.ISO_8859_1);

        ClaimIntakeResult result = take(broken, "claims-broken.x12");

        assertTrue(result.quarantined());
        assertEquals(0, claims.count());
        Path kept = result.quarantinedAs().orElseThrow();
        assertArrayEquals(broken, Files.readAllBytes(kept));
        List<String> report = Files.readAllLines(kept.resolveSibling(kept.getFileName() + ".report.txt"));
        assertEquals("quarantined claims-broken.x12: not valid X12, no claim in it was kept", report.get(0));
        assertTrue(report.stream().anyMatch(l -> l.strip().equals("SV103 (355): IK403 I6 code value not used in implementation")), report.toString());
        assertEquals(AuditAction.REFUSE, trail.newestFirst(AuditQuery.ALL, 10).get(0).event().action());
        try (var spool = Files.list(folders.resolve("spool"))) {
            assertEquals(0, spool.count(), "the spooled copy is removed");
        }
    }
}
