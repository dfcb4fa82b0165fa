package org.medrelay.routes.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditChainVerifier;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail of the running engine: a message sent over MLLP is recorded as received and as the EHR
 * writes it caused, a refused one as refused, all under a pseudonymous patient key, with no name, MRN or
 * birth date anywhere in the trail, and the chain verifies. The MLLP listener itself records nothing.
 */
class AuditTrailEngineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String FAMILY = "Audittrailcase";
    private static final String MRN = "MRN-AUD7001";

    @TempDir
    static Path dataDir;

    private static MedRelayEngine engine;
    private static PatientKeys patientKeys;
    private static int mllpPort;

    @BeforeAll
    static void startEngineWithProcessingStopped() throws Exception {
        mllpPort = TestEngines.freePort();
        EngineProperties props = TestEngines.embedded(dataDir, mllpPort, TestEngines.freePort(), Map.of(
                "medrelay.hl7.processing.auto-startup", "false",
                "medrelay.audit.errors-poll-ms", "200"));
        engine = new MedRelayEngine(props).start();
        // The secret the engine made on its first start, as `medrelay audit patient-key` reads it.
        patientKeys = PatientKeySecret.load(props);
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private static DataSource store() {
        return engine.camelContext().getRegistry().lookupByNameAndType("medrelayStore", DataSource.class);
    }

    private static AckSummary send(String message) throws Exception {
        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
            return AckSummary.of(client.send(message.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<AuditEntry> entries(Predicate<AuditEntry> which) throws Exception {
        return new AuditTrail(store()).newestFirst(AuditQuery.ALL, 1000).stream().filter(which).toList();
    }

    private static List<AuditEntry> awaitEntries(Predicate<AuditEntry> which) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<AuditEntry> found = entries(which);
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no audit entry appeared within " + TIMEOUT);
    }

    @Test
    void aMessageIsAuditedAsReceivedAndWrittenUnderItsPatientKeyWithoutPhi() throws Exception {
        String message = Hl7MllpIngestTest.adtA04("AUD7001", MRN, FAMILY);
        String patientKey = Hl7MessageHeader.scan(message).patientGroup(patientKeys);
        Predicate<AuditEntry> ofThisMessage = e -> "REGADT|MRH_CLINIC|AUD7001".equals(e.event().sourceMessage());

        assertEquals("AA", send(message).code());
        Thread.sleep(500);
        assertTrue(entries(ofThisMessage).isEmpty(), "the MLLP listener writes nothing to the audit trail");

        engine.camelContext().getRouteController().startRoute("hl7-process");
        engine.camelContext().getRouteController().startRoute("hl7-process-message");

        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (engine.messageLog().statusOf("REGADT|MRH_CLINIC|AUD7001").filter(MessageStatus.PROCESSED::equals).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "message not processed in time");
            Thread.sleep(50);
        }

        List<AuditEntry> entries = entries(ofThisMessage);
        AuditEntry received = entries.stream().filter(e -> e.event().action() == AuditAction.RECEIVE).findFirst()
                .orElseThrow();
        assertEquals("system:hl7-process", received.event().actor());
        assertEquals("hl7-mllp-in", received.event().interfaceName());
        assertEquals(patientKey, received.event().patientKey());
        AuditEntry patientWritten = entries.stream().filter(e -> e.event().target() != null
                && e.event().target().startsWith("Patient/")).findFirst().orElseThrow();
        assertEquals(AuditAction.CREATE, patientWritten.event().action());
        assertEquals(AuditOutcome.SUCCESS, patientWritten.event().outcome());
        assertEquals(patientKey, patientWritten.event().patientKey());
        assertTrue(received.id() < patientWritten.id(), "received before written");
        assertTrue(entries.stream().allMatch(e -> patientKey.equals(e.event().patientKey())));

        assertNoPhiInAnyAuditColumn(FAMILY, MRN, "19710214", "1971-02-14", "Alma", "Synthetic Way");
        assertTrue(new AuditChainVerifier(store()).verify().intact());
    }

    @Test
    void aRefusedMessageIsAuditedFromTheErrorStore() throws Exception {
        String refused = "MSH|^~\\&|BILLING|MRH|MEDRELAY|EHR|20261103||BAR^P01^BAR_P01|AUD7002|P|2.5\r"
                + "EVN|P01|20261103\rPID|1||MRN-AUD7002^^^MRH^MR||Refusedcase^Bo||19650304\r";

        assertEquals("AR", send(refused).code());

        long errorId = new ErrorStore(store()).list(10).stream().filter(e -> "AUD7002".equals(e.controlId()))
                .findFirst().orElseThrow().id();
        AuditEntry refusal = awaitEntries(e -> ("error/" + errorId).equals(e.event().target())).get(0);
        assertEquals(AuditAction.REFUSE, refusal.event().action());
        assertEquals(AuditOutcome.FAILURE, refusal.event().outcome());
        assertEquals("system:hl7-mllp-in", refusal.event().actor());
        assertEquals("rejected: HL7 error 200 at MSH-9", refusal.event().reason());
        assertEquals(Hl7MessageHeader.scan(refused).patientGroup(patientKeys), refusal.event().patientKey());
        assertNoPhiInAnyAuditColumn("Refusedcase", "MRN-AUD7002", "19650304");
    }

    /** Every column of every audit row, as the database holds it. */
    private static void assertNoPhiInAnyAuditColumn(String... phi) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = store().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select * from audit_event")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
            }
        }
        assertFalse(values.isEmpty());
        for (String value : values) {
            for (String forbidden : phi) {
                assertFalse(value.contains(forbidden), "audit column holds PHI: " + forbidden);
            }
        }
    }
}
