package org.medrelay.processors.noshow;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.fhir.Hl7ToFhirMapper;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.drafting.DraftingAudit;
import org.medrelay.processors.drafting.PatientMessages;
import org.medrelay.processors.drafting.TemplateDraftingModel;
import org.medrelay.processors.fhir.AuditedFhirWriter;
import org.medrelay.processors.fhir.FhirBundleWriter;
import org.medrelay.processors.review.DraftDelivery;
import org.medrelay.processors.review.ModeChangeLog;
import org.medrelay.processors.review.OperatingModes;
import org.medrelay.processors.review.ReleaseClaims;
import org.medrelay.processors.review.ReleaseRetries;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemAuditHook;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.processors.review.WorkflowProperties;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIU S26/S15/S12 through the recovery step, as hl7-process runs it: mapped, written to a sandbox EHR, then recovered.
 * Synthetic patients only.
 */
class NoShowRecoveryTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String DOCTOR = "1234567890";
    private static final String MOBILE = "^PRN^CP^^1^217^5550104";
    private static final String EMAIL = "^NET^Internet^waiting.patient@example.org";

    private final SandboxFhirServer ehr = new SandboxFhirServer(SandboxFhirSettings.of(
            "jdbc:h2:mem:ehr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "127.0.0.1", 0, "/fhir"), FHIR);
    private final HikariDataSource store = StoreDataSources.openAndMigrate(new StoreSettings(
            "jdbc:h2:mem:noshow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
    private final PatientKeys keys = new PatientKeys(new byte[PatientKeys.MIN_SECRET_BYTES]);
    private final AuditTrail trail = new AuditTrail(store);
    private final WorkItemStore workItems = new WorkItemStore(store, WorkItemAuditHook.into(trail));
    private final Waitlist waitlist = new Waitlist(store);
    private final AppointmentEvents events = new AppointmentEvents(store);
    private final IGenericClient client;
    private final AuditedFhirWriter writer;
    private final NoShowRecovery recovery;

    NoShowRecoveryTest() {
        ehr.start();
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        client = FHIR.newRestfulGenericClient(ehr.getBaseUrl());
        writer = new AuditedFhirWriter(new FhirBundleWriter(FHIR, client), trail, "system:hl7-process", CLOCK);
        OperatingModes modes = new OperatingModes(new WorkflowProperties(Map.<String, String>of()::get),
                new ModeChangeLog(store, WorkItemAuditHook.into(trail)));
        WorkItemIntake intake = new WorkItemIntake(workItems, modes, new DraftDelivery(workItems,
                new ReleaseClaims(store, Duration.ofMinutes(2)), (item, draft) -> { }, CLOCK,
                new ReleaseRetries(10, Duration.ofSeconds(30), Duration.ofHours(1))), CLOCK);
        recovery = new NoShowRecovery(waitlist, events,
                new PatientMessages(new TemplateDraftingModel(null, new DraftingAudit(trail, CLOCK)), CLOCK),
                new NoShowWorkItems(Duration.ofDays(1), Duration.ofHours(2), CLOCK), intake, client, keys, trail,
                "system:no-show", CLOCK);
    }

    @AfterEach
    void close() {
        ehr.close();
        store.close();
    }

    /** SIU^<event> for a 30-minute visit of <visitType> with Dr Dana Doctor at <start> (yyyyMMddHHmm). */
    static String siu(String event, String control, String appointment, String mrn, String given, String telecom,
                      String visitType, String start) {
        return "MSH|^~\\&|SCHEDULER|MRH_CLINIC|MEDRELAY|EHR|20261124110000||SIU^" + event + "^SIU_S12|" + control + "|P|2.5.1|||AL|NE\r"
                + "SCH|" + appointment + "^MRH_SCHED|F" + appointment + "^MRH_SCHED||||EVT^Scheduling event^L|CHECKUP^Annual checkup^L|" + visitType
                + "^" + visitType + " visit^HL70276|30|MIN|^^^" + start + "||||||||||||||Booked\r"
                + "PID|1||" + mrn + "^^^MRH^MR||Testpatient^" + given + "^^^^^L||19790101|M|||88 Nowhere Rd^^Capital City^IL^62703^USA^H||"
                + telecom + "\r"
                + "RGS|1|A\r"
                + "AIS|1|A|99213^Office visit est patient^C4|" + start + "|||30|MIN\r"
                + "AIP|1|A|" + DOCTOR + "^Doctor^Dana^^^^MD^^NPI|D^Doctor^HL70182||" + start + "\r";
    }

    /** As hl7-process: map, write to the EHR (audited), then the recovery step. @return the patient's key */
    private String process(String message) throws Exception {
        Hl7MessageHeader header = Hl7MessageHeader.scan(message);
        AuditSubject subject = new AuditSubject(header.patientGroup(keys), header.deduplicationKey(), "hl7-mllp-in");
        Bundle bundle = new Hl7ToFhirMapper().toBundle(message);
        List<String> written = writer.write(bundle.copy(), subject);
        recovery.record(bundle, written, subject, header.messageTypeAndEvent());
        return subject.patientKey();
    }

    /** A patient on the waitlist, as `medrelay waitlist add` puts them: registered in the EHR by an S12 of their own. */
    private long waiting(String mrn, String given, String visitType, Instant wantedBefore, int minutesAgo) throws Exception {
        String key = process(siu("S12", "W-" + mrn, "APT-" + mrn, mrn, given, EMAIL, visitType, "202612150900"));
        String patient = client.search().forResource(org.hl7.fhir.r4.model.Patient.class)
                .where(org.hl7.fhir.r4.model.Patient.IDENTIFIER.exactly().code(mrn)).returnBundle(Bundle.class).execute()
                .getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless().getValue();
        return waitlist.add(key, patient, DOCTOR, visitType, wantedBefore, "os:scheduler", NOW.minus(Duration.ofMinutes(minutesAgo)));
    }

    private List<WorkItem> items() throws Exception {
        return workItems.list(WorkItemQuery.all()).stream().sorted(Comparator.comparingLong(WorkItem::id)).toList();
    }

    @Test
    void aNoShowDraftsTheOutreachForItsVisitTypeAndOffersTheSlotToTheLongestWaitingPatient() throws Exception {
        long first = waiting("MRN-W1", "Wilma", "FOLLOWUP", Instant.parse("2026-12-15T00:00:00Z"), 60);
        waiting("MRN-W2", "Walter", "FOLLOWUP", null, 30);

        process(siu("S26", "NS-1", "APT-N1", "MRN-N1", "Nadia", MOBILE, "FOLLOWUP", "202611251000"));

        List<WorkItem> items = items();
        assertEquals(List.of("no-show-rebooking", "waitlist-offer"), items.stream().map(i -> i.type().code()).toList());
        WorkItem rebooking = items.get(0);
        assertEquals(WorkQueue.SCHEDULING, rebooking.queue());
        assertEquals("no-show", rebooking.suiteResult().classification());
        assertEquals("outreach by sms", rebooking.suiteResult().reasons().get(0));
        String outreach = rebooking.suiteResult().draft().text();
        assertTrue(outreach.startsWith("Dear Nadia,"), outreach);
        assertTrue(outreach.contains("We missed you at your follow-up appointment with Dana Doctor on 2026-11-25 at 10:00."), outreach);
        assertFalse(outreach.contains("checkup") || outreach.contains("Office visit"), "no reason or service named: " + outreach);
        WorkItem offer = items.get(1);
        assertTrue(offer.suiteResult().reasons().contains("offer by email"), offer.suiteResult().reasons().toString());
        String offerText = offer.suiteResult().draft().text();
        assertTrue(offerText.startsWith("Dear Wilma,"), offerText);
        assertTrue(offerText.contains("An earlier appointment has become available with Dana Doctor on 2026-11-25 at 10:00."), offerText);
        assertFalse(offerText.contains("Nadia"), "the offer names nobody else");
        assertEquals(Waitlist.OFFERED, waitlist.open().stream().filter(e -> e.id() == first).findFirst().orElseThrow().status());
        assertEquals(List.of(new NoShowMetric(DOCTOR, "FOLLOWUP", 3, 1, 0, 1.0 / 3, 1, 1, 0)), events.metrics());
    }

    @Test
    void aBookingOfTheOfferedPatientRefillsTheSlot() throws Exception {
        waiting("MRN-W3", "Wendy", "ROUTINE", null, 10);
        process(siu("S15", "CX-1", "APT-C1", "MRN-C1", "Carl", EMAIL, "ROUTINE", "202611261400"));

        process(siu("S12", "BK-1", "APT-NEW-W3", "MRN-W3", "Wendy", EMAIL, "ROUTINE", "202611261400"));

        assertEquals(List.of(new NoShowMetric(DOCTOR, "ROUTINE", 3, 0, 1, 0.0, 1, 1, 1)), events.metrics());
        assertTrue(waitlist.open().isEmpty(), "booked entries leave the list");
        assertTrue(items().get(0).suiteResult().draft().text().contains("Your appointment with Dana Doctor on 2026-11-26 at 14:00 has been cancelled."));
    }

    @Test
    void aSlotThatHasPassedIsNotOfferedAndAResentNoShowChangesNothing() throws Exception {
        waiting("MRN-W4", "Wanda", "ROUTINE", null, 10);
        String noShow = siu("S26", "NS-2", "APT-N2", "MRN-N2", "Ned", "", "ROUTINE", "202611200900");

        process(noShow);
        process(noShow.replace("NS-2", "NS-2B"));

        List<WorkItem> items = items();
        assertEquals(1, items.size());
        assertTrue(items.get(0).suiteResult().reasons().contains("the slot has passed: nothing to offer from the waitlist"));
        assertEquals("outreach by letter", items.get(0).suiteResult().reasons().get(0), "no phone or email: the address");
        assertEquals(Waitlist.WAITING, waitlist.open().get(0).status());
    }

    @Test
    void aPatientWantingASlotBeforeAnEarlierDateIsNotOfferedALaterOne() throws Exception {
        waiting("MRN-W5", "Wes", "ROUTINE", Instant.parse("2026-11-25T00:00:00Z"), 10);

        process(siu("S26", "NS-3", "APT-N3", "MRN-N3", "Nora", MOBILE, "ROUTINE", "202611271000"));

        assertEquals(List.of("no-show-rebooking"), items().stream().map(i -> i.type().code()).toList());
        assertTrue(items().get(0).suiteResult().reasons().contains("no patient on the waitlist for this provider and visit type"));
    }
}
