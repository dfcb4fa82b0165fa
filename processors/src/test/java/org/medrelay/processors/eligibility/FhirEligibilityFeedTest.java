package org.medrelay.processors.eligibility;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.mappings.x12.EligibilityInquiry;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FHIR triggers against the sandbox FHIR server, end to end: an Appointment created in the EHR becomes a due check,
 * moved it is checked for its new date, cancelled its check is cancelled; a completed intake form with a child's
 * coverage on a parent's plan is a dependent check; a poll after a restart repeats nothing. Pages of 2, so the feed
 * follows next links.
 */
class FhirEligibilityFeedTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Clock CLOCK = Clock.systemUTC();
    private static final PatientKeys KEYS = new PatientKeys(new byte[32]);
    private static SandboxFhirServer server;

    private final HikariDataSource store = StoreDataSources.openAndMigrate(new StoreSettings(
            "jdbc:h2:mem:feed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
    private final IGenericClient ehr = FHIR.newRestfulGenericClient(server.getBaseUrl());
    private final EligibilityRequests requests = new EligibilityRequests(store, PayloadCipher.clearOnly(), CLOCK);
    private final Instant startedAt = Instant.now().minusSeconds(1);

    @BeforeAll
    static void startEhr() {
        server = new SandboxFhirServer(new SandboxFhirSettings("jdbc:h2:mem:ehr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "127.0.0.1", 0, "/fhir", 2, 500), FHIR);
        server.start();
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    }

    @AfterAll
    static void stopEhr() {
        server.stop();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anAppointmentBookedInTheEhrIsDueMovedIsRecheckedAndCancelledIsCancelled() throws Exception {
        String mrn = "MRN" + UUID.randomUUID().toString().substring(0, 8);
        String patient = create(patient(mrn, "Alma", "1971-02-14"));
        create(ownCoverage(patient, "W100"));
        Instant start = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        Appointment appointment = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED).setStart(Date.from(start));
        appointment.addParticipant().setActor(new Reference(patient));
        String appointmentId = create(appointment);
        FhirEligibilityFeed feed = feed();

        assertEquals(1, feed.poll());
        StoredRequest due = requests.due(start, 10).get(0);
        assertEquals(start.minus(Duration.ofDays(2)), due.check().dueAt());
        assertEquals(start.atZone(ZoneOffset.UTC).toLocalDate(), due.check().visit().date());
        assertEquals(patient, due.check().patientReference());
        assertEquals("W100", due.check().subscriber().memberId());
        // the key an HL7v2 message with PID-3 mrn^^^MRH gets: one check whichever feed brings the visit
        assertEquals(KEYS.keyOf("MRH:" + mrn), due.check().patientKey());
        assertEquals(0, feed.poll(), "nothing is taken twice");

        Instant moved = start.plus(Duration.ofDays(3));
        appointment.setId(appointmentId);
        appointment.setStart(Date.from(moved));
        ehr.update().resource(appointment).execute();
        assertEquals(1, feed.poll());
        assertEquals(RequestStatus.SUPERSEDED, requests.byTrace(due.traceNumber()).orElseThrow().status());
        StoredRequest recheck = requests.due(moved, 10).get(0);
        assertEquals(moved.atZone(ZoneOffset.UTC).toLocalDate(), recheck.check().visit().date());

        appointment.setStatus(Appointment.AppointmentStatus.CANCELLED);
        ehr.update().resource(appointment).execute();
        feed = feed(); // a restart: the watermark is in the store
        assertEquals(1, feed.poll());
        assertEquals(RequestStatus.CANCELLED, requests.byTrace(recheck.traceNumber()).orElseThrow().status());
        assertEquals(0, feed().poll(), "after a restart nothing is read again");
        assertTrue(new AuditTrail(store).newestFirst(AuditQuery.ALL, 50).stream().anyMatch(e -> e.event().action() == AuditAction.READ
                && e.event().target().equals(patient) && "fhir-eligibility-feed".equals(e.event().interfaceName())));
    }

    @Test
    void aCompletedIntakeFormWithAChildsCoverageOnAParentsPlanIsADependentCheck() throws Exception {
        String patient = create(patient("MRN" + UUID.randomUUID().toString().substring(0, 8), "Finn", "2015-05-05"));
        LocalDate visit = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        QuestionnaireResponse form = new QuestionnaireResponse().setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED)
                .setSubject(new Reference(patient));
        QuestionnaireResponse.QuestionnaireResponseItemComponent insurance = form.addItem().setLinkId("insurance");
        answer(insurance, "coverage-payer-id", new StringType("60054"));
        answer(insurance, "coverage-member-id", new StringType("W300"));
        answer(insurance, "coverage-relationship", new Coding(IntakeFormCoverage.RELATIONSHIP_SYSTEM, "child", null));
        answer(insurance, "subscriber-family", new StringType("Testpatient"));
        answer(insurance, "subscriber-given", new StringType("Gail"));
        answer(insurance, "subscriber-birth-date", new DateType("1980-01-01"));
        answer(insurance, "subscriber-gender", new Coding("http://hl7.org/fhir/administrative-gender", "female", null));
        answer(form.addItem().setLinkId("visit"), "visit-date", new DateType(visit.toString()));
        QuestionnaireResponse draft = form.copy().setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        create(draft);
        create(form);

        assertTrue(feed().poll() >= 2, "both forms are read");
        List<StoredRequest> due = requests.due(Instant.now().plus(Duration.ofDays(30)), 10).stream()
                .filter(r -> r.check().patientReference().equals(patient)).toList();
        assertEquals(1, due.size(), "only the completed form is a check");
        EligibilityCheck check = due.get(0).check();
        assertEquals(visit, check.visit().date());
        assertEquals("TESTPATIENT", check.subscriber().lastName());
        assertEquals("GAIL", check.subscriber().firstName());
        assertEquals("W300", check.subscriber().memberId());
        assertEquals(new EligibilityInquiry.Dependent("TESTPATIENT", "FINN", LocalDate.of(2015, 5, 5), "M", "19"), check.dependent());
    }

    private FhirEligibilityFeed feed() {
        AuditTrail trail = new AuditTrail(store);
        EligibilityTrigger trigger = new EligibilityTrigger(requests, settings(), KEYS, ehr, trail, "system:eligibility", CLOCK);
        return new FhirEligibilityFeed(ehr, new FhirFeedWatermarks(store, Duration.ofSeconds(5), CLOCK),
                new FhirVisitBundles(ehr, KEYS, trail, "system:eligibility", CLOCK), trigger, startedAt, 2, 50);
    }

    private String create(org.hl7.fhir.r4.model.Resource resource) {
        return ehr.create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
    }

    private static void answer(QuestionnaireResponse.QuestionnaireResponseItemComponent group, String linkId, org.hl7.fhir.r4.model.Type value) {
        group.addItem().setLinkId(linkId).addAnswer().setValue(value);
    }

    private static Patient patient(String mrn, String given, String birthDate) {
        Patient patient = new Patient().setGender(given.equals("Finn") ? Enumerations.AdministrativeGender.MALE
                : Enumerations.AdministrativeGender.FEMALE).setBirthDateElement(new DateType(birthDate));
        patient.addIdentifier(new Identifier().setSystem("urn:medrelay:hl7:id:MRH").setValue(mrn));
        patient.addName().setFamily("Testpatient").addGiven(given);
        return patient;
    }

    private static Coverage ownCoverage(String patient, String memberId) {
        Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setSubscriberId(memberId)
                .setBeneficiary(new Reference(patient));
        coverage.setRelationship(new CodeableConcept(new Coding(IntakeFormCoverage.RELATIONSHIP_SYSTEM, "self", null)));
        coverage.addPayor(new Reference().setIdentifier(new Identifier().setValue("60054")).setDisplay("Aetna Health Inc"));
        return coverage;
    }

    private static EligibilitySettings settings() {
        Properties p = new Properties();
        p.putAll(Map.of("medrelay.eligibility.lead-time", "P2D", "medrelay.eligibility.visit-service-type", "98",
                "medrelay.eligibility.gaps.default-expected-charge", "200"));
        return new EligibilitySettings(p::getProperty);
    }
}
