package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The idempotent writes the engine relies on when an HL7 feed replays a message. */
class ConditionalWriteTest {

    private static final String MRN_SYSTEM = "urn:oid:2.16.840.1.113883.3.4711.2.1";
    private static final int RACING_CLIENTS = 8;

    @TempDir
    static Path dataDirectory;

    private static SandboxFhirServer server;
    private static IGenericClient client;

    @BeforeAll
    static void startSandbox() {
        server = RunningSandbox.start(dataDirectory);
        client = RunningSandbox.clientOf(server);
    }

    @AfterAll
    static void stopSandbox() {
        server.stop();
    }

    /** A fresh MRN per test, so tests sharing the server never match each other's patients. */
    private static String newMrn() {
        return "MRN-" + UUID.randomUUID();
    }

    private static Patient patientWithMrn(String mrn, String family) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(MRN_SYSTEM).setValue(mrn);
        patient.addName().setFamily(family).addGiven("Grace");
        return patient;
    }

    private static List<Patient> patientsWithMrn(String mrn) {
        Bundle found = client.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode(MRN_SYSTEM, mrn))
                .returnBundle(Bundle.class).execute();
        return found.getEntry().stream().map(entry -> (Patient) entry.getResource()).toList();
    }

    private static String conditionalUrl(String mrn) {
        return "Patient?identifier=" + MRN_SYSTEM + "|" + mrn;
    }

    @Test
    void conditionalCreateTwiceLeavesOnePatient() {
        String mrn = newMrn();

        MethodOutcome first = client.create().resource(patientWithMrn(mrn, "Hopper"))
                .conditional().where(Patient.IDENTIFIER.exactly().systemAndCode(MRN_SYSTEM, mrn)).execute();
        MethodOutcome second = client.create().resource(patientWithMrn(mrn, "Hopper"))
                .conditional().where(Patient.IDENTIFIER.exactly().systemAndCode(MRN_SYSTEM, mrn)).execute();

        assertTrue(first.getCreated());
        assertFalse(Boolean.TRUE.equals(second.getCreated()));
        assertEquals(first.getId().getIdPart(), second.getId().getIdPart());
        assertEquals(1, patientsWithMrn(mrn).size());
    }

    @Test
    void conditionalCreateAcceptsBareIfNoneExistQuery() {
        String mrn = newMrn();
        client.create().resource(patientWithMrn(mrn, "Lamarr")).execute();

        MethodOutcome outcome = client.create().resource(patientWithMrn(mrn, "Lamarr"))
                .withAdditionalHeader("If-None-Exist", "identifier=" + MRN_SYSTEM + "|" + mrn).execute();

        assertFalse(Boolean.TRUE.equals(outcome.getCreated()));
        assertEquals(1, patientsWithMrn(mrn).size());
    }

    @Test
    void conditionalUpdateCreatesThenUpdatesTheSamePatient() {
        String mrn = newMrn();

        MethodOutcome created = client.update().resource(patientWithMrn(mrn, "Hopper"))
                .conditionalByUrl(conditionalUrl(mrn)).execute();
        MethodOutcome updated = client.update().resource(patientWithMrn(mrn, "Hopper-Murray"))
                .conditionalByUrl(conditionalUrl(mrn)).execute();

        assertTrue(created.getCreated());
        assertEquals("1", created.getId().getVersionIdPart());
        assertEquals(created.getId().getIdPart(), updated.getId().getIdPart());
        assertEquals("2", updated.getId().getVersionIdPart());
        Patient stored = client.read().resource(Patient.class).withId(created.getId().getIdPart()).execute();
        assertEquals("Hopper-Murray", stored.getNameFirstRep().getFamily());
    }

    @Test
    void conditionalUpdateMatchingSeveralPatientsIsRejected() {
        String mrn = newMrn();
        client.create().resource(patientWithMrn(mrn, "Twin")).execute();
        client.create().resource(patientWithMrn(mrn, "Twin")).execute();

        assertThrows(PreconditionFailedException.class, () -> client.update().resource(patientWithMrn(mrn, "Twin"))
                .conditionalByUrl(conditionalUrl(mrn)).execute());
        assertEquals(2, patientsWithMrn(mrn).size());
    }

    @Test
    void conditionalUpdateOnUnsupportedParameterIsRejectedNotWidened() {
        assertThrows(InvalidRequestException.class, () -> client.update().resource(patientWithMrn(newMrn(), "Wide"))
                .conditionalByUrl("Patient?family=Wide").execute());
    }

    @Test
    void conditionalUpdateOfCoverageByPatientAndIdentifier() {
        String patientId = client.create().resource(patientWithMrn(newMrn(), "Shannon")).execute().getId().getIdPart();
        String memberId = "MBR-" + UUID.randomUUID();
        Coverage coverage = new Coverage();
        coverage.addIdentifier().setSystem("urn:medrelay:payer:member-id").setValue(memberId);
        coverage.setBeneficiary(new Reference("Patient/" + patientId));
        coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
        String url = "Coverage?beneficiary=Patient/" + patientId + "&identifier=urn:medrelay:payer:member-id|" + memberId;

        MethodOutcome created = client.update().resource(coverage).conditionalByUrl(url).execute();
        coverage.setStatus(Coverage.CoverageStatus.CANCELLED);
        MethodOutcome updated = client.update().resource(coverage).conditionalByUrl(url).execute();

        assertEquals(created.getId().getIdPart(), updated.getId().getIdPart());
        assertEquals("2", updated.getId().getVersionIdPart());
    }

    @Test
    void racingConditionalUpdatesLeaveOnePatient() throws Exception {
        String mrn = newMrn();

        List<MethodOutcome> outcomes = race(() -> client.update().resource(patientWithMrn(mrn, "Racer"))
                .conditionalByUrl(conditionalUrl(mrn)).execute());

        List<Patient> patients = patientsWithMrn(mrn);
        assertEquals(1, patients.size());
        assertEquals(1, outcomes.stream().filter(outcome -> Boolean.TRUE.equals(outcome.getCreated())).count());
        assertEquals(String.valueOf(RACING_CLIENTS), patients.get(0).getMeta().getVersionId());
    }

    @Test
    void racingConditionalCreatesLeaveOnePatient() throws Exception {
        String mrn = newMrn();

        List<MethodOutcome> outcomes = race(() -> client.create().resource(patientWithMrn(mrn, "Racer"))
                .conditional().where(Patient.IDENTIFIER.exactly().systemAndCode(MRN_SYSTEM, mrn)).execute());

        assertEquals(1, patientsWithMrn(mrn).size());
        assertEquals(1, outcomes.stream().map(outcome -> outcome.getId().getIdPart()).distinct().count());
    }

    /** Releases all clients at once and waits for every outcome. */
    private static List<MethodOutcome> race(Callable<MethodOutcome> write) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(RACING_CLIENTS);
        try {
            CountDownLatch startingGun = new CountDownLatch(1);
            List<Future<MethodOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < RACING_CLIENTS; i++) {
                futures.add(clients.submit(() -> {
                    startingGun.await();
                    return write.call();
                }));
            }
            startingGun.countDown();
            List<MethodOutcome> outcomes = new ArrayList<>();
            for (Future<MethodOutcome> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            clients.shutdownNow();
        }
    }
}
