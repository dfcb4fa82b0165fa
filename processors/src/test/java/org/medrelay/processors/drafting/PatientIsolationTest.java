package org.medrelay.processors.drafting;

import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.deid.Deidentifier;
import org.medrelay.processors.testing.TestStores;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.drafting.SyntheticPatients.ORIEL;
import static org.medrelay.processors.drafting.SyntheticPatients.QUILLON;
import static org.medrelay.processors.drafting.SyntheticPatients.Synthetic;

/**
 * Per-patient isolation is structural: a context holds one patient's data and refuses another's, and drafts for
 * two patients made at the same time never carry each other's values, neither in the draft nor in what the model
 * was sent.
 */
class PatientIsolationTest {

    private static final int DRAFTS_PER_PATIENT = 60;

    private HikariDataSource store;
    private RecordingChatEndpoint server;
    private DraftingModels models;

    @BeforeEach
    void start() throws Exception {
        store = TestStores.h2("drafting");
        // A marked endpoint, so requests carry identified data: the strictest place to look for the other patient.
        // It answers with the whole prompt it was sent, so a draft shows everything the model saw.
        server = new RecordingChatEndpoint().answering(user -> "Draft from: " + user);
        models = new DraftingModels(new DraftingProperties(Map.of(
                "medrelay.drafting.endpoints", "onsite",
                "medrelay.drafting.endpoint.onsite.base-url", server.baseUrl().toString(),
                "medrelay.drafting.endpoint.onsite.model", "synthetic-drafter",
                "medrelay.drafting.endpoint.onsite.agreement", "on-premises")::get, name -> null),
                new Deidentifier(), new DraftingAudit(new AuditTrail(store), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void aContextRefusesAnotherPatientsCoverage() {
        PatientContextBuilder builder = PatientContext.builder(QUILLON.ref()).patient(SyntheticPatients.patient(QUILLON));
        OtherPatientDataException e = assertThrows(OtherPatientDataException.class,
                () -> builder.add(SyntheticPatients.coverage(ORIEL)));
        assertEquals("Coverage refers to another patient than patient " + QUILLON.key() + "; refused from this context",
                e.getMessage());
        for (String identifier : ORIEL.identifiers()) {
            assertFalse(e.getMessage().contains(identifier), "the refusal names no value: " + identifier);
        }
    }

    @Test
    void aContextRefusesAnotherPatientsOwnResource() {
        assertThrows(OtherPatientDataException.class,
                () -> PatientContext.builder(QUILLON.ref()).patient(SyntheticPatients.patient(ORIEL)));
        PatientContextBuilder builder = PatientContext.builder(QUILLON.ref()).patient(SyntheticPatients.patient(QUILLON));
        assertThrows(OtherPatientDataException.class, () -> builder.add(SyntheticPatients.patient(ORIEL)));
    }

    @Test
    void aContextRefusesPatientDataThatCannotBeToldWhoseItIs() {
        PatientContextBuilder builder = PatientContext.builder(QUILLON.ref()).patient(SyntheticPatients.patient(QUILLON));

        Claim unnamed = SyntheticPatients.claim(QUILLON).setPatient(null);
        assertTrue(assertThrows(OtherPatientDataException.class, () -> builder.add(unnamed)).getMessage()
                .startsWith("Claim names no patient"));

        Coverage byIdentifier = SyntheticPatients.coverage(QUILLON)
                .setBeneficiary(new Reference().setType("Patient").setIdentifier(new Identifier().setValue(ORIEL.mrn())));
        assertThrows(OtherPatientDataException.class, () -> builder.add(byIdentifier));

        Claim containing = SyntheticPatients.claim(QUILLON);
        containing.addContained(SyntheticPatients.patient(ORIEL).setId("other"));
        assertThrows(OtherPatientDataException.class, () -> builder.add(containing));

        assertEquals(0, builder.build().resources().size(), "nothing refused was kept");
    }

    @Test
    void concurrentDraftsForTwoPatientsNeverCarryTheOthersValues() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Drafted>> drafts = new ArrayList<>();
            for (int i = 0; i < DRAFTS_PER_PATIENT; i++) {
                for (Synthetic patient : List.of(QUILLON, ORIEL)) {
                    String model = i % 2 == 0 ? "template" : "onsite";
                    drafts.add(pool.submit(() -> new Drafted(patient, models.named(model).draft(new DraftRequest(
                            DraftKind.APPEAL_LETTER, SyntheticPatients.context(patient), "", LocalDate.of(2026, 11, 24))))));
                }
            }
            for (Future<Drafted> future : drafts) {
                Drafted drafted = future.get();
                Synthetic other = drafted.patient() == QUILLON ? ORIEL : QUILLON;
                assertTrue(drafted.result().text().contains(drafted.patient().family()), "its own patient's draft");
                assertNoValueOf(other, drafted.result().text(), drafted.patient().given() + "'s draft");
            }
        } finally {
            pool.shutdownNow();
        }

        List<RecordingChatEndpoint.Received> requests = server.received();
        assertEquals(DRAFTS_PER_PATIENT, requests.size(), "half the drafts went to the endpoint");
        int quillon = 0;
        for (RecordingChatEndpoint.Received request : requests) {
            boolean isQuillons = request.body().contains(QUILLON.mrn());
            assertTrue(isQuillons != request.body().contains(ORIEL.mrn()), "each request is about exactly one patient");
            assertNoValueOf(isQuillons ? ORIEL : QUILLON, request.body(), "a model request");
            quillon += isQuillons ? 1 : 0;
        }
        assertEquals(DRAFTS_PER_PATIENT / 2, quillon);
    }

    private static void assertNoValueOf(Synthetic other, String text, String where) {
        for (String value : other.identifiers()) {
            assertFalse(text.contains(value), () -> where + " holds " + other.given() + "'s " + value);
        }
    }

    private record Drafted(Synthetic patient, DraftResult result) {
    }
}
