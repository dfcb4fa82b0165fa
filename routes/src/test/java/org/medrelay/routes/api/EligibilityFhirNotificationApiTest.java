package org.medrelay.routes.api;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.access.Role;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.eligibility.EligibilityRequests;
import org.medrelay.processors.eligibility.StoredRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/eligibility/fhir-notification}, as a FHIR Subscription (rest-hook) with a service account's Basic
 * credentials calls it: the feed polls at once (its timer is an hour away), so an Appointment just booked in the EHR is
 * a due check when the call returns; without credentials the call is refused.
 */
class EligibilityFhirNotificationApiTest {

    @TempDir
    static Path dataDir;

    private static ApiTestEngine api;

    @BeforeAll
    static void start() throws Exception {
        api = ApiTestEngine.start(dataDir, Map.of("medrelay.eligibility.fhir-feed.enabled", "true",
                "medrelay.eligibility.fhir-feed.poll-ms", "3600000",
                "medrelay.eligibility.fhir-feed.start-from", Instant.now().minus(Duration.ofMinutes(1)).toString()));
        api.addUser("ehr.subscription", Role.FRONT_DESK);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aNotificationPollsTheFeedAtOnceAndTheBookedAppointmentIsADueCheck() throws Exception {
        IGenericClient ehr = FhirContext.forR4Cached().newRestfulGenericClient(api.engine.fhirBaseUrl());
        Patient patient = new Patient();
        patient.addIdentifier(new Identifier().setSystem("urn:medrelay:hl7:id:MRH").setValue("MRN600001"));
        patient.addName().setFamily("Testpatient").addGiven("Kira");
        String patientId = ehr.create().resource(patient).execute().getId().toUnqualifiedVersionless().getValue();
        Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setSubscriberId("XK60001")
                .setBeneficiary(new Reference(patientId));
        coverage.setRelationship(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self", null)));
        coverage.addPayor(new Reference().setIdentifier(new Identifier().setValue("60054")));
        ehr.create().resource(coverage).execute();
        Instant start = Instant.now().plus(Duration.ofDays(5));
        Appointment appointment = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED).setStart(Date.from(start));
        appointment.addParticipant().setActor(new Reference(patientId));
        ehr.create().resource(appointment).execute();

        assertEquals(401, api.client().post("/api/eligibility/fhir-notification", "{}").status());
        ApiClient.Reply reply = api.client().withBasic("ehr.subscription", ApiTestEngine.PASSWORD)
                .post("/api/eligibility/fhir-notification", "{\"resourceType\":\"Bundle\"}");

        assertEquals(200, reply.status(), reply.body());
        assertEquals(1, reply.json().get("taken").asInt());
        List<StoredRequest> due = api.bean("eligibilityRequests", EligibilityRequests.class).due(start, 10);
        assertEquals(1, due.size());
        assertEquals("XK60001", due.get(0).check().subscriber().memberId());
        assertTrue(api.audit(30).stream().anyMatch(e -> e.event().action() == AuditAction.RECEIVE
                && "ehr.subscription".equals(e.event().actor()) && "fhir-notification/eligibility".equals(e.event().target())));
    }
}
