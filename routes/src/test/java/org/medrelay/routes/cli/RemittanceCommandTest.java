package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.DenialCategorizer;
import org.medrelay.mappings.x12.remittance.RemittanceAdvice;
import org.medrelay.mappings.x12.remittance.RemittanceHandler;
import org.medrelay.mappings.x12.remittance.RemittanceReader;
import org.medrelay.processors.remittance.ReceivedFile;
import org.medrelay.processors.remittance.RemittanceFiles;
import org.medrelay.processors.remittance.RemittanceReport;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `medrelay remittance report` against the store of an engine configured with --config. */
class RemittanceCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private Path config;
    private HikariDataSource store;
    private long processed;
    private long quarantined;

    @BeforeEach
    void engineStoreWithTwoFiles() throws Exception {
        config = EngineOnDisk.config(dir);
        store = EngineOnDisk.openStore(config);
        RemittanceFiles files = new RemittanceFiles(store, Clock.systemUTC());
        processed = files.admit(new ReceivedFile("835-every-category.x12", "sftp", "a".repeat(64), "PAYERTEST", "000000835", 3000), "raw/a").fileId();
        files.saveReport(processed, report(processed));
        files.processed(processed, 8, 5, "8 claim(s), 5 work item(s)");
        quarantined = files.admit(new ReceivedFile("835-errors.x12", "sftp", "b".repeat(64), "PAYERTEST", "000000836", 900), "raw/b").fileId();
        files.quarantined(quarantined, "failed validation; quarantined as 20261124-835-errors.x12");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aFilesReportIsOneJsonLineWithPaymentAndClaimsByCategory() {
        int exit = MedRelayCli.execute("remittance", "report", "--config", config.toString(), "--file-id", String.valueOf(processed));

        assertEquals(0, exit, streams.err());
        List<String> lines = streams.out().lines().toList();
        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertTrue(line.startsWith("{\"fileId\":" + processed + ",\"file\":\"835-every-category.x12\",\"status\":\"PROCESSED\",\"received\":"), line);
        assertTrue(line.contains("\"payer\":{\"name\":\"TEST HEALTH PLAN\",\"id\":\"1512345678\"}"), line);
        assertTrue(line.contains("\"payment\":{\"amount\":500.00,\"creditDebit\":\"C\",\"method\":\"ACH\",\"date\":\"2026-11-20\","
                + "\"trace\":\"EFT0000001\",\"originator\":\"1512345678\"}"), line);
        assertTrue(line.contains("\"claims\":8,\"billed\":2400.00,\"paid\":500.00,\"patientResponsibility\":60.00,\"atStake\":1660.00"), line);
        assertTrue(line.contains("\"write-off\":{\"claims\":1,\"billed\":350.00,\"paid\":200.00,\"atStake\":0.00}"), line);
        assertTrue(line.contains("\"appeal\":{\"claims\":1,\"billed\":400.00,\"paid\":0.00,\"atStake\":400.00}"), line);
        assertTrue(line.contains("\"paid\":{\"claims\":1,\"billed\":200.00,\"paid\":150.00,\"atStake\":0.00}"), line);
    }

    @Test
    void theLatestFilesComeNewestFirstAQuarantinedOneWithItsOutcome() {
        int exit = MedRelayCli.execute("remittance", "report", "--config", config.toString());

        assertEquals(0, exit, streams.err());
        List<String> lines = streams.out().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).matches("\\{\"fileId\":" + quarantined + ",\"file\":\"835-errors.x12\",\"status\":\"QUARANTINED\","
                + "\"received\":\"[^\"]+\",\"outcome\":\"failed validation; quarantined as 20261124-835-errors.x12\"}"), lines.get(0));
        assertTrue(lines.get(1).contains("\"fileId\":" + processed), lines.get(1));
    }

    @Test
    void anUnknownFileIdExitsOne() {
        assertEquals(1, MedRelayCli.execute("remittance", "report", "--config", config.toString(), "--file-id", "999"));
        assertEquals("medrelay: no remittance file with id 999", streams.err().strip());
    }

    private static RemittanceReport report(long fileId) throws Exception {
        DenialCategorizer categorizer = DenialCategorizer.shipped();
        List<RemittanceReport> reports = new ArrayList<>();
        try (InputStream in = RemittanceCommandTest.class.getResourceAsStream("/medrelay-test-data/x12/835/835-denials-every-category.x12")) {
            new RemittanceReader().read(in, new RemittanceHandler() {
                @Override
                public void remittanceStarted(RemittanceAdvice advice) {
                    reports.add(new RemittanceReport(fileId, "835-every-category.x12", advice, "1512345678"));
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
