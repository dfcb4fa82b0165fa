package org.medrelay.processors.hl7;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditChainVerifier;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.store.ErrorKind;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.processors.store.MessageError;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refused and dead-lettered messages reach the audit trail from the error store, once each. */
class ErrorStoreAuditorTest {

    private static final String BAR = "MSH|^~\\&|BILLING|MRH|MEDRELAY|EHR|20261103||BAR^P01^BAR_P01|T3001|P|2.5\r"
            + "EVN|P01|20261103\rPID|1||MRN-T3001^^^MRH^MR||Billcase^Bo||19650304\r";
    private static final Instant REFUSED_AT = Instant.parse("2026-11-03T08:30:00Z");
    private static final PatientKeys PATIENT_KEYS = new PatientKeys(new byte[PatientKeys.MIN_SECRET_BYTES]);

    private HikariDataSource store;
    private ErrorStore errors;
    private AuditTrail trail;
    private ErrorStoreAuditor auditor;

    @BeforeEach
    void openStore() {
        store = StoreDataSources.openAndMigrate(new StoreSettings(
                "jdbc:h2:mem:errors-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
        errors = new ErrorStore(store);
        trail = new AuditTrail(store);
        auditor = new ErrorStoreAuditor(store, errors, trail, "hl7-process", PATIENT_KEYS, Clock.systemUTC());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aRefusalAndADeadLetterAreRecordedOnceWithThePatientKeyAndNoPhi() throws Exception {
        long rejected = errors.record(new MessageError(ErrorKind.REJECTED, "hl7-mllp-in", "BILLING|MRH|T3001", "T3001",
                "BAR^P01", 200, "MSH-9", "Unsupported message type BAR", null, "UTF-8",
                BAR.getBytes(StandardCharsets.UTF_8), "127.0.0.1:5555"), REFUSED_AT);
        long deadLetter = errors.record(new MessageError(ErrorKind.DEAD_LETTER, "hl7-mllp-in", "BILLING|MRH|T3002",
                "T3002", "BAR^P01", null, null, "InvalidRequestException: HTTP 400: birth date 19650304 invalid",
                "trace", "UTF-8", BAR.replace("T3001", "T3002").getBytes(StandardCharsets.UTF_8), null),
                REFUSED_AT.plusSeconds(5));

        assertEquals(2, auditor.recordNewErrors());
        assertEquals(0, auditor.recordNewErrors(), "each error is recorded once");

        List<AuditEntry> entries = trail.newestFirst(AuditQuery.ALL, 10);
        AuditEntry refusal = entries.get(1);
        assertEquals(AuditAction.REFUSE, refusal.event().action());
        assertEquals(AuditOutcome.FAILURE, refusal.event().outcome());
        assertEquals("system:hl7-mllp-in", refusal.event().actor());
        assertEquals(REFUSED_AT, refusal.event().recordedAt(), "when it was refused, not when it was recorded");
        assertEquals("error/" + rejected, refusal.event().target());
        assertEquals("rejected: HL7 error 200 at MSH-9", refusal.event().reason());
        assertEquals(Hl7MessageHeader.scan(BAR).patientGroup(PATIENT_KEYS), refusal.event().patientKey());
        assertEquals("BILLING|MRH|T3001", refusal.event().sourceMessage());

        AuditEntry dead = entries.get(0);
        assertEquals(AuditAction.DEAD_LETTER, dead.event().action());
        assertEquals("system:hl7-process", dead.event().actor());
        assertEquals("error/" + deadLetter, dead.event().target());
        assertEquals("dead-letter", dead.event().reason(), "never the EHR's text, which quotes the birth date");
        String all = entries.toString();
        assertFalse(all.contains("MRN-T3001") || all.contains("Billcase") || all.contains("19650304"), all);
        assertTrue(new AuditChainVerifier(store).verify().intact());
    }

    @Test
    void framingErrorsWithoutAMessageNameNoPatient() throws Exception {
        errors.record(new MessageError(ErrorKind.FRAMING, "hl7-mllp-in", null, null, null, null, null,
                "bytes outside a frame", null, null, "NOT-MLLP".getBytes(StandardCharsets.US_ASCII), null), REFUSED_AT);

        auditor.recordNewErrors();

        AuditEntry entry = trail.newestFirst(AuditQuery.ALL, 1).get(0);
        assertNull(entry.event().patientKey());
        assertNull(entry.event().sourceMessage());
        assertEquals("framing", entry.event().reason());
    }
}
