package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.eligibility.EligibilityRequests;
import org.medrelay.processors.eligibility.StoredRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine's eligibility-fhir-feed route against its sandbox EHR: an Appointment booked through the FHIR API becomes
 * a check due lead-time before the visit, moved it is checked for the new date (the first superseded), cancelled its
 * check is cancelled, all by polling _lastUpdated with the watermark in the store.
 */
class EligibilityFhirFeedTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static MedRelayEngine engine;
    private static IGenericClient ehr;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> overrides = Map.of("medrelay.eligibility.fhir-feed.enabled", "true",
                "medrelay.eligibility.fhir-feed.poll-ms", "200",
                "medrelay.eligibility.fhir-feed.start-from", Instant.now().minus(Duration.ofMinutes(1)).toString());
        engine = new MedRelayEngine(TestEngines.embedded(dir.resolve("data"), TestEngines.freePort(), TestEngines.freePort(), overrides)).start();
        ehr = FhirContext.forR4Cached().newRestfulGenericClient(engine.fhirBaseUrl());
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void anAppointmentCreatedInTheEhrBecomesADueCheckMovedIsRecheckedAndCancelledIsCancelled() throws Exception {
        Patient patient = new Patient().setGender(Enumerations.AdministrativeGender.FEMALE).setBirthDateElement(new DateType("1971-02-14"));
        patient.addIdentifier(new Identifier().setSystem("urn:medrelay:hl7:id:MRH").setValue("MRN400001"));
        patient.addName().setFamily("Testpatient").addGiven("Hana");
        String patientId = create(patient);
        Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setSubscriberId("XK40001")
                .setBeneficiary(new Reference(patientId));
        coverage.setRelationship(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self", null)));
        coverage.addPayor(new Reference().setIdentifier(new Identifier().setValue("60054")).setDisplay("Aetna Health Inc"));
        create(coverage);
        Instant start = Instant.now().plus(Duration.ofDays(9)).truncatedTo(ChronoUnit.MINUTES);
        Appointment appointment = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED).setStart(Date.from(start));
        appointment.addIdentifier(new Identifier().setSystem("urn:ehr:appointment").setValue("FHIR-APT-1"));
        appointment.addParticipant().setActor(new Reference(patientId));
        appointment.setId(create(appointment));

        StoredRequest due = await("the booked appointment's check", () -> checkFor(start));
        assertEquals(start.minus(Duration.ofDays(2)), due.check().dueAt());
        assertEquals("XK40001", due.check().subscriber().memberId());
        assertEquals("DUE", due.status().name());

        Instant moved = start.plus(Duration.ofDays(2));
        ehr.update().resource(appointment.setStart(Date.from(moved))).execute();
        StoredRequest recheck = await("the moved appointment's check", () -> checkFor(moved));
        assertEquals("SUPERSEDED", requests().byTrace(due.traceNumber()).orElseThrow().status().name());

        ehr.update().resource(appointment.setStatus(Appointment.AppointmentStatus.CANCELLED)).execute();
        await("the cancelled appointment's check CANCELLED", () -> requests().byTrace(recheck.traceNumber())
                .filter(r -> r.status().name().equals("CANCELLED")));
    }

    private static Optional<StoredRequest> checkFor(Instant visit) throws Exception {
        return requests().due(visit, 100).stream()
                .filter(r -> r.check().visit().date().equals(visit.atZone(ZoneId.systemDefault()).toLocalDate())).findFirst();
    }

    private static String create(Resource resource) {
        return ehr.create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
    }

    private static EligibilityRequests requests() {
        return engine.camelContext().getRegistry().lookupByNameAndType("eligibilityRequests", EligibilityRequests.class);
    }

    private static <T> T await(String what, Callable<Optional<T>> probe) throws Exception {
        return Awaits.until(what, TIMEOUT, probe);
    }
}
