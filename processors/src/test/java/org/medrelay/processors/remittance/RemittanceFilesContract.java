package org.medrelay.processors.remittance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.DenialCategorizer;
import org.medrelay.mappings.x12.remittance.RemittanceAdvice;
import org.medrelay.mappings.x12.remittance.RemittanceHandler;
import org.medrelay.mappings.x12.remittance.RemittanceReader;

import javax.sql.DataSource;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store of remittance files, the same on H2 and PostgreSQL: admitted once, resumed when unfinished, reports kept. */
abstract class RemittanceFilesContract {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    private RemittanceFiles files;

    abstract DataSource openStore() throws SQLException;

    abstract void closeStore() throws SQLException;

    @BeforeEach
    void open() throws SQLException {
        files = new RemittanceFiles(openStore(), CLOCK);
    }

    @AfterEach
    void close() throws SQLException {
        closeStore();
    }

    @Test
    void aFileIsTakenInOnceByContentAndOnceBySenderAndIsa13() throws SQLException {
        ReceivedFile first = new ReceivedFile("835-a.x12", "sftp", SHA_A, "PAYERTEST", "000000835", 1200);
        assertTrue(files.earlier(first).isEmpty());
        Admission admitted = files.admit(first, "raw/a");
        assertEquals(Admission.Kind.NEW, admitted.kind());

        // taken in but not finished (the EHR was down): the same bytes resume it
        assertEquals(new Admission(Admission.Kind.RESUME, admitted.fileId(), "taken in before, not finished"),
                files.earlier(first).orElseThrow());
        files.processed(admitted.fileId(), 8, 5, "8 claim(s)");

        Admission again = files.earlier(new ReceivedFile("835-a-again.x12", "drop-folder", SHA_A, "OTHER", "000000001", 1200)).orElseThrow();
        assertEquals(Admission.Kind.DUPLICATE, again.kind());
        assertEquals("same content as remittance file " + admitted.fileId(), again.reason());
        ReceivedFile sameInterchange = new ReceivedFile("835-b.x12", "sftp", SHA_B, "PAYERTEST", "000000835", 1300);
        assertEquals("same sender and ISA13 (000000835) as remittance file " + admitted.fileId(),
                files.earlier(sameInterchange).orElseThrow().reason());
        // two routes racing with the same file: the unique key makes the second a duplicate
        assertEquals(Admission.Kind.DUPLICATE, files.admit(sameInterchange, "raw/b").kind());
    }

    @Test
    void aReportIsKeptPerTransactionSetAndReplacedWhenTheFileIsTakenUpAgain() throws Exception {
        long id = files.admit(new ReceivedFile("835-a.x12", "sftp", SHA_A, "PAYERTEST", "000000835", 1200), "raw/a").fileId();
        files.saveReport(id, report(id));
        files.saveReport(id, report(id));
        files.processed(id, 8, 5, "8 claim(s)");
        long quarantined = files.admit(new ReceivedFile("835-b.x12", "sftp", SHA_B, "PAYERTEST", "000000836", 900), "raw/b").fileId();
        files.quarantined(quarantined, "failed validation");

        List<StoredReport> latest = files.reports(Optional.empty(), 10);
        assertEquals(2, latest.size());
        assertEquals(quarantined, latest.get(0).fileId());
        assertEquals("QUARANTINED", latest.get(0).status());
        assertTrue(latest.get(0).reportJson().isEmpty());
        StoredReport processed = files.reports(Optional.of(id), 10).get(0);
        assertEquals("PROCESSED", processed.status());
        assertTrue(processed.reportJson().orElseThrow().contains("\"payment\":{\"amount\":500.00,\"creditDebit\":\"C\",\"method\":\"ACH\""),
                processed.reportJson().get());
        assertEquals(1, files.reports(Optional.of(id), 10).size());
    }

    @Test
    void theWorkItemOfAClaimIsRemembered() throws SQLException {
        long id = files.admit(new ReceivedFile("835-a.x12", "sftp", SHA_A, "PAYERTEST", "000000835", 1200), "raw/a").fileId();
        assertTrue(files.itemFor(id, 3).isEmpty());
        files.recordItem(id, 3, 42);
        assertEquals(Optional.of(42L), files.itemFor(id, 3));
    }

    /** The report of the test-data 835 with every category, read for real. */
    static RemittanceReport report(long fileId) throws Exception {
        DenialCategorizer categorizer = DenialCategorizer.shipped();
        List<RemittanceReport> reports = new ArrayList<>();
        try (InputStream in = RemittanceFilesContract.class.getResourceAsStream("/medrelay-test-data/x12/835/835-denials-every-category.x12")) {
            new RemittanceReader().read(in, new RemittanceHandler() {
                @Override
                public void remittanceStarted(RemittanceAdvice advice) {
                    reports.add(new RemittanceReport(fileId, "835-a.x12", advice, RemittanceInbox.payerId(advice)));
                }

                @Override
                public void claim(RemittanceAdvice advice, ClaimPayment claim) {
                    reports.get(0).add(claim, categorizer.categorize(claim).category());
                }
            });
        }
        return reports.get(0);
    }
}
