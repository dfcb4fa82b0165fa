package org.medrelay.routes.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.x12.claims.ClaimOnFile;
import org.medrelay.processors.claims.ClaimsOnFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claims-on-file routes on the real engine: an 837P put in the local drop folder is kept claim by claim and moved
 * to .done; an invalid one is quarantined with its report; an 837I dropped in the clearinghouse's SFTP outbox (Apache
 * MINA SSHD on 127.0.0.1) is kept and left where it is for the clearinghouse. The engine's log never shows the
 * patients' names or member ids.
 */
class ClaimsOnFileEngineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static TestClearinghouse clearinghouse;
    private static MedRelayEngine engine;
    private static CapturedOutput output;
    private static ClaimsOnFile claims;

    @BeforeAll
    static void start() throws Exception {
        output = new CapturedOutput();
        clearinghouse = new TestClearinghouse(dir.resolve("sftp"), request -> null);
        Map<String, String> overrides = new HashMap<>(TestClearinghouse.engineProperties(clearinghouse.port()));
        overrides.put("medrelay.claims.drop-poll-ms", "200");
        overrides.put("medrelay.claims.read-lock-check-ms", "200");
        overrides.put("medrelay.claims.sftp.enabled", "true");
        overrides.put("medrelay.claims.sftp.poll-ms", "200");
        EngineProperties props = TestEngines.embedded(dir.resolve("data"), TestEngines.freePort(), TestEngines.freePort(), overrides);
        engine = new MedRelayEngine(props).start();
        claims = engine.camelContext().getRegistry().lookupByNameAndType("claimsOnFile", ClaimsOnFile.class);
    }

    @AfterAll
    static void stopAndScanTheLogsForPhi() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (clearinghouse != null) {
            clearinghouse.close();
        }
        List<String> text = output.texts();
        output.close();
        List<String> phi = List.of("SAMPLEPATIENT", "DEMOPATIENT", "EXAMPLEPATIENT", "W100000003", "W100000005", "19750315");
        assertEquals(List.of(), CapturedOutput.occurrences(text, phi), "PHI in log or console output");
        assertTrue(text.stream().anyMatch(t -> t.contains("claim(s) kept")), "the scan read the claims routes' lines");
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = ClaimsOnFileEngineTest.class.getResourceAsStream("/medrelay-test-data/x12/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + TIMEOUT + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    private static Optional<ClaimOnFile> find(String patientControlNumber) {
        try {
            return claims.find(patientControlNumber);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drop(Path folder, String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path temp = folder.resolve(".tmp-" + name);
        Files.write(temp, content);
        Files.move(temp, folder.resolve(name));
    }

    @Test
    void a837PInTheDropFolderIsKeptClaimByClaimAndMovedToDone() throws Exception {
        Path drop = dir.resolve("data/claims/drop");
        drop(drop, "claims-20261030.x12", sample("837/837P-claims-on-file.x12"));

        await("the drop-folder file moved to .done", () -> Files.exists(drop.resolve(".done/claims-20261030.x12")));

        assertEquals("DEMOPATIENT", find("APPEAL-1004").orElseThrow().patient().lastName());
        assertEquals("W100000003", find("RESUB-1003").orElseThrow().subscriber().memberId());
        assertTrue(find("PAID-1001").isPresent());
    }

    @Test
    void anInvalid837IsQuarantinedWithItsReportAndNothingKept() throws Exception {
        Path drop = dir.resolve("data/claims/drop");
        byte[] broken = new String(sample("837/837P-claims-on-file.x12"), StandardCharsets.ISO_8859_1)
                .replace("PAID-1001", "BROKEN-9001").replace("SV1*HC:99213*200*UN*", "SV1*HC:99213*200*DA*")
                .getBytes(StandardCharsets.ISO_8859_1);
        drop(drop, "claims-broken.x12", broken);

        Path quarantine = dir.resolve("data/claims/quarantine");
        await("the invalid file quarantined with its report", () -> {
            try (Stream<Path> files = Files.exists(quarantine) ? Files.list(quarantine) : Stream.empty()) {
                return files.anyMatch(f -> f.getFileName().toString().endsWith("-claims-broken.x12.report.txt"));
            } catch (IOException e) {
                return false;
            }
        });
        await("the invalid file moved out of the drop folder", () -> Files.exists(drop.resolve(".done/claims-broken.x12")));
        assertEquals(Optional.empty(), find("BROKEN-9001"));
    }

    @Test
    void an837IDroppedInTheClearinghouseOutboxIsKeptAndLeftForTheClearinghouse() throws Exception {
        drop(clearinghouse.outbox(), "inpatient-0001.837", sample("837/837I-inpatient.x12"));

        await("the outbox claim kept", () -> find("INPT-2001").isPresent());

        assertTrue(find("INPT-2001").orElseThrow().institutional());
        assertTrue(Files.exists(clearinghouse.outbox().resolve("inpatient-0001.837")), "the clearinghouse still has its file");
    }
}
