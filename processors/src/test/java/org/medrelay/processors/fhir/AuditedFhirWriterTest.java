package org.medrelay.processors.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.fhir.Hl7ToFhirMapper;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditChainVerifier;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every request to the EHR leaves an audit entry naming the resource, the patient key and the message. */
class AuditedFhirWriterTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private SandboxFhirServer ehr;
    private HikariDataSource store;
    private AuditTrail trail;
    private byte[] message;
    private AuditSubject subject;

    @BeforeEach
    void start() throws Exception {
        ehr = new SandboxFhirServer(SandboxFhirSettings.of("jdbc:h2:mem:ehr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "127.0.0.1", 0, "/fhir"), FHIR);
        ehr.start();
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        store = StoreDataSources.openAndMigrate(new StoreSettings(
                "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
        trail = new AuditTrail(store);
        try (InputStream in = getClass().getResourceAsStream("/medrelay-test-data/hl7v2/adt-a04-registration.hl7")) {
            message = in.readAllBytes();
        }
        Hl7MessageHeader header = Hl7MessageHeader.scan(new String(message, StandardCharsets.UTF_8));
        PatientKeys patientKeys = new PatientKeys(new byte[PatientKeys.MIN_SECRET_BYTES]);
        subject = new AuditSubject(header.patientGroup(patientKeys), header.deduplicationKey(), "hl7-mllp-in");
    }

    @AfterEach
    void stop() {
        ehr.close();
        store.close();
    }

    private AuditedFhirWriter writerTo(String baseUrl) {
        return new AuditedFhirWriter(new FhirBundleWriter(FHIR, FHIR.newRestfulGenericClient(baseUrl)), trail,
                "system:hl7-process", Clock.systemUTC());
    }

    private List<AuditEntry> entries() throws Exception {
        return trail.newestFirst(AuditQuery.ALL, 100).stream().sorted(Comparator.comparingLong(AuditEntry::id)).toList();
    }

    @Test
    void eachWrittenResourceIsAuditedAsCreatedThenUpdated() throws Exception {
        Bundle bundle = new Hl7ToFhirMapper().toBundle(message);
        AuditedFhirWriter writer = writerTo(ehr.getBaseUrl());

        List<String> first = writer.write(bundle, subject);
        List<String> second = writer.write(bundle, subject);

        List<AuditEntry> entries = entries();
        assertEquals(first.size() + second.size(), entries.size());
        AuditEntry patientCreated = entries.stream().filter(e -> e.event().target().startsWith("Patient/")).findFirst()
                .orElseThrow();
        assertEquals(AuditAction.CREATE, patientCreated.event().action());
        assertEquals(AuditOutcome.SUCCESS, patientCreated.event().outcome());
        assertEquals(subject.patientKey(), patientCreated.event().patientKey());
        assertEquals("REGADT|MRH_CLINIC|MSG00001", patientCreated.event().sourceMessage());
        assertEquals("system:hl7-process", patientCreated.event().actor());
        assertEquals(first, entries.subList(0, first.size()).stream().map(e -> e.event().target()).toList());
        assertTrue(entries.subList(first.size(), entries.size()).stream()
                        .noneMatch(e -> e.event().action() == AuditAction.CREATE && e.event().reason() == null),
                "the replay creates nothing: conditional updates and matched creates");
        assertTrue(new AuditChainVerifier(store).verify().intact());
        assertFalse(entries.toString().contains("Testpatient") || entries.toString().contains("MRN100001"),
                "no name or MRN in the trail");
    }

    @Test
    void aFailedRequestIsAuditedAsAFailureBeforeTheErrorGoesOn() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FHIR.getRestfulClientFactory().setConnectTimeout(500);
        AuditedFhirWriter writer = writerTo("http://127.0.0.1:" + closedPort + "/fhir");

        assertThrows(RuntimeException.class, () -> writer.write(new Hl7ToFhirMapper().toBundle(message), subject));

        AuditEntry failed = entries().get(0);
        assertEquals(AuditOutcome.FAILURE, failed.event().outcome());
        assertEquals("Patient", failed.event().target(), "the resource type: it has no id on the server yet");
        assertEquals("FhirClientConnectionException", failed.event().reason());
        assertEquals(subject.patientKey(), failed.event().patientKey());
    }
}
