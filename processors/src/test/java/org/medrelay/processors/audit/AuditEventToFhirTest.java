package org.medrelay.processors.audit;

import ca.uhn.fhir.context.FhirContext;
import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audit entries exported as FHIR R4 AuditEvents, coded as IHE ATNA consumers expect. */
class AuditEventToFhirTest {

    private static final Instant AT = Instant.parse("2026-11-03T08:30:00Z");
    private static final String PATIENT = "5d41402abc4b2a76b9719d91";
    private static final AuditSubject MESSAGE = new AuditSubject(PATIENT, "REGADT|MRH_CLINIC|T1001", "hl7-mllp-in");

    @Test
    void anEhrWriteIsARestfulCreateByTheSuiteAboutThePatientAndItsMessage() {
        AuditEntry entry = new AuditEntry(42, AuditEvent.of("system:hl7-process", AuditAction.CREATE, AT, MESSAGE,
                "Patient/123", AuditOutcome.SUCCESS, null), AuditEntryHash.GENESIS, "ab".repeat(32));

        org.hl7.fhir.r4.model.AuditEvent fhir = AuditEventToFhir.toFhir(entry);

        assertEquals("42", fhir.getIdElement().getIdPart());
        assertEquals("http://terminology.hl7.org/CodeSystem/audit-event-type", fhir.getType().getSystem());
        assertEquals("rest", fhir.getType().getCode());
        assertEquals("http://hl7.org/fhir/restful-interaction", fhir.getSubtypeFirstRep().getSystem());
        assertEquals("create", fhir.getSubtypeFirstRep().getCode());
        assertEquals(AuditEventAction.C, fhir.getAction());
        assertEquals(AT, fhir.getRecorded().toInstant());
        assertEquals(AuditEventOutcome._0, fhir.getOutcome());
        assertEquals("system:hl7-process", fhir.getAgentFirstRep().getWho().getIdentifier().getValue());
        assertTrue(fhir.getAgentFirstRep().getRequestor());
        assertEquals("110150", fhir.getAgentFirstRep().getType().getCodingFirstRep().getCode(), "DICOM: Application");
        assertEquals("hl7-mllp-in", fhir.getSource().getSite());

        AuditEventEntityComponent patient = fhir.getEntity().get(0);
        assertEquals(AuditEventToFhir.PATIENT_KEY_SYSTEM, patient.getWhat().getIdentifier().getSystem());
        assertEquals(PATIENT, patient.getWhat().getIdentifier().getValue());
        assertEquals("1", patient.getRole().getCode(), "object-role: Patient");
        assertEquals("REGADT|MRH_CLINIC|T1001", fhir.getEntity().get(1).getWhat().getIdentifier().getValue());
        assertEquals("Patient/123", fhir.getEntity().get(2).getWhat().getReference());
        assertEquals("4", fhir.getEntity().get(2).getRole().getCode(), "object-role: Domain Resource");
    }

    @Test
    void aRefusedMessageIsAFailedDicomImportWithItsReason() {
        AuditEntry entry = new AuditEntry(7, AuditEvent.of("system:hl7-mllp-in", AuditAction.REFUSE, AT, MESSAGE,
                "error/3", AuditOutcome.FAILURE, "rejected: HL7 error 200 at MSH-9"), AuditEntryHash.GENESIS,
                "cd".repeat(32));

        org.hl7.fhir.r4.model.AuditEvent fhir = AuditEventToFhir.toFhir(entry);

        assertEquals("http://dicom.nema.org/resources/ontology/DCM", fhir.getType().getSystem());
        assertEquals("110107", fhir.getType().getCode());
        assertEquals("refuse", fhir.getSubtypeFirstRep().getCode());
        assertEquals(AuditEventOutcome._4, fhir.getOutcome());
        assertEquals("rejected: HL7 error 200 at MSH-9", fhir.getOutcomeDesc());
        assertEquals("error/3", fhir.getEntity().get(2).getWhat().getIdentifier().getValue());
    }

    @Test
    void aPersonAtTheCommandLineIsTheRequestorWithoutAnApplicationType() {
        AuditEntry entry = new AuditEntry(8, AuditEvent.of("os:dana", AuditAction.EXPORT, AT, AuditSubject.NONE,
                "audit-event", AuditOutcome.SUCCESS, null), AuditEntryHash.GENESIS, "ef".repeat(32));

        org.hl7.fhir.r4.model.AuditEvent fhir = AuditEventToFhir.toFhir(entry);

        assertEquals("110106", fhir.getType().getCode(), "DICOM: Export");
        assertEquals(AuditEventAction.R, fhir.getAction());
        assertEquals("os:dana", fhir.getAgentFirstRep().getName());
        assertTrue(fhir.getAgentFirstRep().getRequestor());
        assertFalse(fhir.getAgentFirstRep().hasType());
    }

    @Test
    void everyActionHasCodes() {
        for (AuditAction action : AuditAction.values()) {
            AuditEventToFhir.AuditCoding coding = AuditEventToFhir.AuditCoding.of(action);
            assertTrue(coding.type().hasCode() && coding.action() != null, action.name());
        }
    }

    @Test
    void exportIsACollectionBundleOfAuditEventsFilteredByPatientAndTime() throws Exception {
        try (HikariDataSource store = StoreDataSources.openAndMigrate(new StoreSettings(
                "jdbc:h2:mem:export-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2))) {
            AuditTrail trail = new AuditTrail(store);
            for (int i = 0; i < 1200; i++) { // more than one page
                trail.append(AuditEvent.of("system:hl7-process", AuditAction.RECEIVE, AT.plusSeconds(i),
                        i % 2 == 0 ? MESSAGE : AuditSubject.patient("aaaaaaaaaaaaaaaaaaaaaaaa"), null,
                        AuditOutcome.SUCCESS, null));
            }
            StringWriter json = new StringWriter();

            long written = new AuditBundleExport(trail, FhirContext.forR4Cached())
                    .write(new AuditQuery(AT.plusSeconds(100), PATIENT), json);

            Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json.toString());
            assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
            assertEquals(550, written);
            assertEquals(550, bundle.getEntry().size());
            List<String> ids = bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
            assertEquals("101", ids.get(0), "oldest first, from --since on");
            assertTrue(bundle.getEntry().stream().allMatch(e -> e.getResource() instanceof org.hl7.fhir.r4.model.AuditEvent));
        }
    }

    @Test
    void anEmptyExportIsAnEmptyBundle() throws Exception {
        try (HikariDataSource store = StoreDataSources.openAndMigrate(new StoreSettings(
                "jdbc:h2:mem:export-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2))) {
            StringWriter json = new StringWriter();
            new AuditBundleExport(new AuditTrail(store), FhirContext.forR4Cached()).write(AuditQuery.ALL, json);
            Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json.toString());
            assertEquals(0, bundle.getEntry().size());
        }
    }
}
