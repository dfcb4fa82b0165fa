package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.PatientKeySecret;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `medrelay audit verify|list|export` against the store of an engine configured with --config, as an operator
 * runs them where the engine keeps its data; `audit patient-key` giving the key to filter them by; and `errors list`
 * leaving a trace of who read the error store.
 */
class AuditCommandTest {

    private static final String PATIENT_A = "5d41402abc4b2a76b9719d91";
    private static final String PATIENT_B = "aaaaaaaaaaaaaaaaaaaaaaaa";
    private static final Instant T0 = Instant.parse("2026-11-03T08:30:00Z");

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private Path config;
    private HikariDataSource store;

    @BeforeEach
    void engineDataAndOutput() throws Exception {
        config = EngineOnDisk.config(dir);
        store = EngineOnDisk.openStore(config);
    }

    @AfterEach
    void restore() {
        store.close();
    }

    private void append(String patient, AuditAction action, int seconds) throws Exception {
        new AuditTrail(store).append(org.medrelay.processors.audit.AuditEvent.of("system:hl7-process", action,
                T0.plusSeconds(seconds), new AuditSubject(patient, "REGADT|MRH_CLINIC|T" + seconds, "hl7-mllp-in"),
                "Patient/" + seconds, AuditOutcome.SUCCESS, null));
    }

    @Test
    void verifyOnAnIntactChainExitsZeroAndCountsTheEntries() throws Exception {
        append(PATIENT_A, AuditAction.RECEIVE, 1);
        append(PATIENT_A, AuditAction.CREATE, 2);
        append(PATIENT_B, AuditAction.RECEIVE, 3);

        int exit = MedRelayCli.execute("audit", "verify", "--config", config.toString());

        assertEquals(0, exit, streams.err());
        List<String> lines = streams.out().lines().toList();
        assertEquals("audit chain intact: 3 entries", lines.get(0));
        assertTrue(lines.get(1).matches("chain head: entry 3, sha256 [0-9a-f]{64}"), lines.get(1));
    }

    @Test
    void verifyNamesTheFirstBrokenEntryAndExitsOne() throws Exception {
        for (int i = 1; i <= 5; i++) {
            append(PATIENT_A, AuditAction.RECEIVE, i);
        }
        try (Connection c = store.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update audit_event set outcome = 'FAILURE' where id = 3");
        }

        int exit = MedRelayCli.execute("audit", "verify", "--config", config.toString());

        assertEquals(1, exit);
        assertEquals("audit chain broken at entry 3: content altered", streams.out().strip());
    }

    @Test
    void verifyExitsThreeWhenTheStoreCannotBeOpened() throws Exception {
        Path unreachable = dir.resolve("unreachable.properties");
        Files.writeString(unreachable, "medrelay.store.url=jdbc:postgresql://127.0.0.1:1/medrelay?connectTimeout=2\n"
                + "medrelay.store.user=medrelay\n");

        int exit = MedRelayCli.execute("audit", "verify", "--config", unreachable.toString());

        assertEquals(3, exit);
        assertTrue(streams.err().startsWith("medrelay: cannot open the store"));
    }

    @Test
    void exportPrintsACollectionBundleOfOnePatientsAuditEventsAndRecordsItself() throws Exception {
        append(PATIENT_A, AuditAction.RECEIVE, 1);
        append(PATIENT_B, AuditAction.RECEIVE, 2);
        append(PATIENT_A, AuditAction.CREATE, 3);

        int exit = MedRelayCli.execute("audit", "export", "--patient", PATIENT_A, "--since", "2026-11-03T08:30:02Z",
                "--config", config.toString());

        assertEquals(0, exit, streams.err());
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, streams.out());
        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        List<AuditEvent> events = bundle.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
        assertEquals(2, events.size(), "entry 3 and the export's own entry: entry 1 is too old, entry 2 another patient");
        assertEquals("create", events.get(0).getSubtypeFirstRep().getCode());
        assertEquals("Patient/3", events.get(0).getEntity().get(2).getWhat().getReference());
        assertEquals("110106", events.get(1).getType().getCode(), "DICOM Export: the export itself");
        assertEquals("os:" + System.getProperty("user.name"), events.get(1).getAgentFirstRep().getName());
    }

    @Test
    void listPrintsTabSeparatedEntriesNewestFirstAfterRecordingTheRead() throws Exception {
        append(PATIENT_A, AuditAction.RECEIVE, 1);
        append(PATIENT_A, AuditAction.CREATE, 2);

        int exit = MedRelayCli.execute("audit", "list", "--config", config.toString());

        assertEquals(0, exit, streams.err());
        List<String> lines = streams.out().lines().toList();
        assertEquals("ID\tRECORDED\tACTOR\tACTION\tOUTCOME\tPATIENT\tSOURCE\tTARGET\tINTERFACE\tREASON", lines.get(0));
        assertTrue(lines.get(1).startsWith("3\t"), "the read itself comes first: " + lines.get(1));
        assertTrue(lines.get(1).contains("\tos:" + System.getProperty("user.name") + "\tread\tsuccess\t"), lines.get(1));
        assertEquals("2\t2026-11-03T08:30:02Z\tsystem:hl7-process\tcreate\tsuccess\t" + PATIENT_A
                + "\tREGADT|MRH_CLINIC|T2\tPatient/2\thl7-mllp-in\t-", lines.get(2));
        assertEquals(4, lines.size());
    }

    @Test
    void aPatientFilterThatIsAnMrnIsRefused() {
        int exit = MedRelayCli.execute("audit", "export", "--patient", "MRN100001", "--config", config.toString());

        assertEquals(1, exit);
        assertEquals("", streams.out());
        assertTrue(streams.err().contains("pseudonymous patient key"));
    }

    @Test
    void readingTheErrorStoreIsAuditedAsTheOperatingSystemUser() throws Exception {
        int exit = MedRelayCli.execute("errors", "list", "--config", config.toString());

        assertEquals(0, exit, streams.err());
        AuditEntry read = new AuditTrail(store).newestFirst(AuditQuery.ALL, 1).get(0);
        assertEquals("os:" + System.getProperty("user.name"), read.event().actor());
        assertEquals(AuditAction.READ, read.event().action());
        assertEquals("error", read.event().target());
    }

    @Test
    void aReprocessRequestForAMissingErrorIsAuditedAsAFailure() throws Exception {
        int exit = MedRelayCli.execute("errors", "reprocess", "999", "--config", config.toString());

        assertEquals(1, exit);
        AuditEntry request = new AuditTrail(store).newestFirst(AuditQuery.ALL, 1).get(0);
        assertEquals(AuditAction.REPROCESS, request.event().action());
        assertEquals(AuditOutcome.FAILURE, request.event().outcome());
        assertEquals("error/999", request.event().target());
        assertEquals("no such error", request.event().reason());
    }

    @Test
    void patientKeyPrintsTheKeyTheEngineFilesThePatientUnderAndAuditsTheLookupWithoutTheMrn() throws Exception {
        PatientKeys engineKeys = PatientKeySecret.loadOrCreate(EngineProperties.load(config));

        int exit = MedRelayCli.execute("audit", "patient-key", "--authority", "MRH", "--id", "MRN100001",
                "--config", config.toString());

        assertEquals(0, exit, streams.err());
        String key = engineKeys.keyOf("MRH:MRN100001");
        assertEquals(key + System.lineSeparator(), streams.out());
        AuditEntry lookup = new AuditTrail(store).newestFirst(AuditQuery.ALL, 1).get(0);
        assertEquals("os:" + System.getProperty("user.name"), lookup.event().actor());
        assertEquals(AuditAction.READ, lookup.event().action());
        assertEquals("patient-key", lookup.event().target());
        assertEquals(key, lookup.event().patientKey());
        assertFalse(lookup.toString().contains("MRN100001"), lookup.toString());

        streams.reset();
        assertEquals(0, MedRelayCli.execute("audit", "list", "--patient", key, "--config", config.toString()));
        assertEquals(3, streams.out().lines().count(), "header, the lookup and the listing itself: " + streams.out());
    }

    @Test
    void patientKeyBeforeTheEngineEverRanExitsOneAndMakesNoSecret() {
        int exit = MedRelayCli.execute("audit", "patient-key", "--authority", "MRH", "--id", "MRN100001",
                "--config", config.toString());

        assertEquals(1, exit);
        assertEquals("", streams.out());
        assertTrue(streams.err().startsWith("medrelay: no patient-key secret in "),
                streams.err());
        assertFalse(Files.exists(dir.resolve("data/keys")));
    }

    @Test
    void patientKeyWithABadSecretExitsOneNamingThePropertyNotTheSecret() throws Exception {
        Files.writeString(config, "medrelay.security.patient-key-secret=dG9vIHNob3J0\n", java.nio.file.StandardOpenOption.APPEND);

        int exit = MedRelayCli.execute("audit", "patient-key", "--authority", "MRH", "--id", "MRN100001",
                "--config", config.toString());

        assertEquals(1, exit);
        assertEquals("", streams.out());
        String error = streams.err();
        assertTrue(error.startsWith("medrelay: medrelay.security.patient-key-secret must be at least 32 bytes"), error);
        assertFalse(error.contains("dG9vIHNob3J0"), error);
    }

    @Test
    void patientKeyWithAnEmptyIdExitsOne() throws Exception {
        PatientKeySecret.loadOrCreate(EngineProperties.load(config));

        int exit = MedRelayCli.execute("audit", "patient-key", "--authority", "MRH", "--id", "",
                "--config", config.toString());

        assertEquals(1, exit);
        assertEquals("", streams.out());
    }
}
