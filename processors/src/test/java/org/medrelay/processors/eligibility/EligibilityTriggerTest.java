package org.medrelay.processors.eligibility;

import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.mappings.x12.EligibilityInquiry;
import org.medrelay.mappings.x12.SequentialControlNumbers;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trigger on mapped SIU and ADT bundles: due lead-time before the visit, a moved visit, a changed coverage. */
class EligibilityTriggerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String PATIENT_KEY = "00112233445566778899aabb";
    private final HikariDataSource store = StoreDataSources.openAndMigrate(new StoreSettings(
            "jdbc:h2:mem:trigger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
    private final EligibilityRequests requests = new EligibilityRequests(store, PayloadCipher.clearOnly(), CLOCK);
    private final EligibilityTrigger trigger = new EligibilityTrigger(requests, settings(), new PatientKeys(new byte[32]),
            null, new AuditTrail(store), "system:eligibility", CLOCK);
    private final AuditSubject subject = new AuditSubject(PATIENT_KEY, "SCHED|MRH|C1", "hl7-mllp-in");

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anAppointmentIsDueLeadTimeBeforeItsStart() throws Exception {
        Instant start = NOW.plus(Duration.ofDays(7));
        trigger.record(appointment("APT1", start, "W100"), List.of("Appointment/3", "Patient/7"), subject);

        StoredRequest due = requests.upcoming(PATIENT_KEY, LocalDate.of(2026, 11, 24)).get(0);
        assertEquals(start.minus(Duration.ofDays(2)), due.check().dueAt());
        assertEquals(LocalDate.of(2026, 12, 1), due.check().visit().date());
        assertEquals("Patient/7", due.check().patientReference());
        assertEquals("W100", due.check().subscriber().memberId());
        assertEquals("TESTPATIENT", due.check().subscriber().lastName());
    }

    @Test
    void aMovedAppointmentIsCheckedForItsNewDateAndTheSameOneIsNotCheckedTwice() throws Exception {
        trigger.record(appointment("APT1", NOW.plus(Duration.ofDays(7)), "W100"), List.of("Patient/7"), subject);
        trigger.record(appointment("APT1", NOW.plus(Duration.ofDays(7)), "W100"), List.of("Patient/7"), subject);
        trigger.record(appointment("APT1", NOW.plus(Duration.ofDays(9)), "W100"), List.of("Patient/7"), subject);

        List<StoredRequest> upcoming = requests.upcoming(PATIENT_KEY, LocalDate.of(2026, 11, 24));
        assertEquals(List.of(LocalDate.of(2026, 12, 3)), upcoming.stream().map(r -> r.check().visit().date()).toList());
        assertEquals(1, requests.count(RequestStatus.SUPERSEDED));
    }

    @Test
    void aRegistrationWithAnotherCoverageRechecksTheUpcomingVisits() throws Exception {
        trigger.record(appointment("APT1", NOW.plus(Duration.ofDays(7)), "W100"), List.of("Patient/7"), subject);
        Bundle registration = bundle(patient(), coverage("W200"));
        trigger.record(registration, List.of("Patient/7", "Coverage/9"), new AuditSubject(PATIENT_KEY, "REG|MRH|C2", "hl7-mllp-in"));

        List<StoredRequest> upcoming = requests.upcoming(PATIENT_KEY, LocalDate.of(2026, 11, 24));
        assertEquals(List.of("W200:2026-11-24", "W200:2026-12-01"), upcoming.stream()
                .map(r -> r.check().subscriber().memberId() + ":" + r.check().visit().date()).toList());
        assertEquals(1, requests.count(RequestStatus.SUPERSEDED), "the check with the old member id is not sent");
    }

    @Test
    void aCancelledAppointmentIsNeverSentAndTheCancellationIsAudited() throws Exception {
        trigger.record(appointment("APT1", NOW.plus(Duration.ofDays(7)), "W100"), List.of("Patient/7"), subject);
        trigger.record(cancelled(appointment("APT1", NOW.plus(Duration.ofDays(7)), "W100"), Appointment.AppointmentStatus.CANCELLED),
                List.of("Patient/7"), new AuditSubject(PATIENT_KEY, "SCHED|MRH|C9", "hl7-mllp-in"));

        assertEquals(List.of(), requests.due(NOW.plus(Duration.ofDays(30)), 10));
        assertEquals(1, requests.count(RequestStatus.CANCELLED));
        AuditEntry entry = new AuditTrail(store).newestFirst(AuditQuery.ALL, 10).get(0);
        assertEquals(AuditAction.UPDATE, entry.event().action());
        assertEquals("visit cancelled: not sent", entry.event().reason());
        assertEquals(PATIENT_KEY, entry.event().patientKey());

        // booked again for the same day: checked again, as the cancelled check no longer counts
        trigger.record(appointment("APT1", NOW.plus(Duration.ofDays(7)), "W100"), List.of("Patient/7"), subject);
        assertEquals(1, requests.due(NOW.plus(Duration.ofDays(30)), 10).size());
    }

    @Test
    void aNoShowAfterThe270WentOutKeepsTheRequestButMarksItsVisitCancelled() throws Exception {
        trigger.record(appointment("APT2", NOW.plus(Duration.ofDays(1)), "W100"), List.of("Patient/7"), subject);
        StoredRequest sent = requests.due(NOW, 10).get(0);
        requests.sent(sent.id(), new SentEnvelope("000000001", "1", "0001"), "270-test.x12");

        trigger.record(cancelled(appointment("APT2", NOW.plus(Duration.ofDays(1)), "W100"), Appointment.AppointmentStatus.NOSHOW),
                List.of("Patient/7"), subject);
        StoredRequest marked = requests.byTrace(sent.traceNumber()).orElseThrow();
        assertEquals(RequestStatus.SENT, marked.status(), "its 271 is still expected and taken");
        assertTrue(marked.forCancelledVisit());
        assertEquals(List.of(), requests.upcoming(PATIENT_KEY, LocalDate.of(2026, 11, 24)));

        // the visit is booked again for that day: the answer on its way serves it, nothing is asked twice
        trigger.record(appointment("APT2", NOW.plus(Duration.ofDays(1)), "W100"), List.of("Patient/7"), subject);
        assertFalse(requests.byTrace(sent.traceNumber()).orElseThrow().forCancelledVisit());
        assertEquals(0, requests.count(RequestStatus.DUE));
    }

    @Test
    void aChildOnAParentsCoverageIsCheckedAsTheDependentOfTheSubscriber() throws Exception {
        Coverage parents = coverage("W300");
        parents.setRelationship(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/subscriber-relationship", "child", null)));
        RelatedPerson parent = new RelatedPerson().setGender(Enumerations.AdministrativeGender.FEMALE)
                .setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1980-01-01"));
        parent.addName().setFamily("Testpatient").addGiven("Gail");
        Patient child = new Patient().setGender(Enumerations.AdministrativeGender.MALE).setBirthDateElement(new org.hl7.fhir.r4.model.DateType("2015-05-05"));
        child.addName().setFamily("Testpatient").addGiven("Finn");
        trigger.record(bundle(child, parents, parent), List.of("Patient/8", "Coverage/9", "RelatedPerson/10"), subject);

        StoredRequest due = requests.due(NOW, 10).get(0);
        assertEquals("GAIL", due.check().subscriber().firstName());
        assertEquals("W300", due.check().subscriber().memberId());
        assertEquals(LocalDate.of(1980, 1, 1), due.check().subscriber().birthDate());
        assertEquals(new EligibilityInquiry.Dependent("TESTPATIENT", "FINN", LocalDate.of(2015, 5, 5), "M", "19"), due.check().dependent());
        assertEquals("Patient/8", due.check().patientReference());

        Properties p = new Properties();
        p.putAll(Map.of("medrelay.eligibility.clearinghouse.isa-sender-qualifier", "ZZ", "medrelay.eligibility.clearinghouse.isa-sender-id", "MEDRELAY",
                "medrelay.eligibility.clearinghouse.isa-receiver-qualifier", "ZZ", "medrelay.eligibility.clearinghouse.isa-receiver-id", "CLEARINGHOUSE",
                "medrelay.eligibility.clearinghouse.gs-sender", "MEDRELAY", "medrelay.eligibility.clearinghouse.gs-receiver", "CLEARINGHOUSE",
                "medrelay.eligibility.clearinghouse.usage", "T", "medrelay.eligibility.provider.name", "MEDRELAY CLINIC",
                "medrelay.eligibility.provider.npi", "1234567893", "medrelay.eligibility.trace-originator", "9MEDRELAY0"));
        p.putAll(Map.of("medrelay.eligibility.service-types", "30", "medrelay.eligibility.delimiters.segment", "~",
                "medrelay.eligibility.delimiters.element", "*", "medrelay.eligibility.delimiters.component", ":",
                "medrelay.eligibility.delimiters.repetition", "^", "medrelay.eligibility.delimiters.line-ending", "LF"));
        BatchFile file = new EligibilityBatch(requests, new EligibilitySettings(p::getProperty), new SequentialControlNumbers(1),
                new AuditTrail(store), "system:eligibility", CLOCK, 1, Duration.ZERO).next().orElseThrow();
        String x12 = new String(file.content(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(x12.contains("NM1*IL*1*TESTPATIENT*GAIL****MI*W300~\nDMG*D8*19800101*F~\nHL*4*3*23*0~\nTRN*1*" + due.traceNumber()
                + "*9MEDRELAY0~\nNM1*03*1*TESTPATIENT*FINN~\nDMG*D8*20150505*M~\nINS*N*19~\n"), x12);
    }

    private static Bundle cancelled(Bundle appointment, Appointment.AppointmentStatus status) {
        VisitCoverage.first(appointment, Appointment.class).orElseThrow().setStatus(status);
        return appointment;
    }

    private static Bundle appointment(String id, Instant start, String memberId) {
        Appointment appointment = new Appointment().setStart(Date.from(start));
        appointment.addIdentifier(new Identifier().setSystem("urn:sched").setValue(id));
        return bundle(appointment, patient(), coverage(memberId));
    }

    private static Patient patient() {
        Patient patient = new Patient().setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.addName().setFamily("Testpatient").addGiven("Alma");
        return patient;
    }

    private static Coverage coverage(String memberId) {
        Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setSubscriberId(memberId);
        coverage.setRelationship(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self", null)));
        coverage.addPayor(new Reference().setIdentifier(new Identifier().setValue("60054")).setDisplay("Aetna Health Inc"));
        return coverage;
    }

    private static Bundle bundle(org.hl7.fhir.r4.model.Resource... resources) {
        Bundle bundle = new Bundle();
        for (org.hl7.fhir.r4.model.Resource resource : resources) {
            bundle.addEntry().setResource(resource);
        }
        return bundle;
    }

    private static EligibilitySettings settings() {
        Properties p = new Properties();
        p.putAll(Map.of("medrelay.eligibility.lead-time", "P2D", "medrelay.eligibility.visit-service-type", "98",
                "medrelay.eligibility.gaps.default-expected-charge", "200"));
        return new EligibilitySettings(p::getProperty);
    }
}
