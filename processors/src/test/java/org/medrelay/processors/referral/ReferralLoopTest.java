package org.medrelay.processors.referral;

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
import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.processors.review.WorkflowProperties;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;
import org.medrelay.processors.testing.MutableClock;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The referral step as hl7-process runs it (REF^I12 mapped, written to a sandbox EHR, then the step), and the loop
 * monitor on an injected clock: an inbound referral becomes a work item, an outbound one a loop that is followed up,
 * then alerts when it stalls, and moves on when the answer comes.
 */
class ReferralLoopTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Instant START = Instant.parse("2026-11-11T09:00:00Z");
    private static final Duration SENT_WAIT = Duration.ofDays(3);

    private final MutableClock clock = new MutableClock(START);
    private final SandboxFhirServer ehr = new SandboxFhirServer(SandboxFhirSettings.of(
            "jdbc:h2:mem:ehr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "127.0.0.1", 0, "/fhir"), FHIR);
    private final HikariDataSource store = StoreDataSources.openAndMigrate(new StoreSettings(
            "jdbc:h2:mem:referrals-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
    private final PatientKeys keys = new PatientKeys(new byte[PatientKeys.MIN_SECRET_BYTES]);
    private final AuditTrail trail = new AuditTrail(store);
    private final WorkItemStore workItems = new WorkItemStore(store, WorkItemAuditHook.into(trail));
    private final ReferralSettings settings = new ReferralSettings(null, Set.of(Referrals.PRACTICE_NPI), waits(), 2,
            Duration.ofDays(2), Duration.ofDays(1));
    private final WorkItemIntake intake;
    private final AuditedFhirWriter writer;

    ReferralLoopTest() {
        ehr.start();
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = FHIR.newRestfulGenericClient(ehr.getBaseUrl());
        writer = new AuditedFhirWriter(new FhirBundleWriter(FHIR, client), trail, "system:hl7-process", clock);
        OperatingModes modes = new OperatingModes(new WorkflowProperties(Map.<String, String>of()::get),
                new ModeChangeLog(store, WorkItemAuditHook.into(trail)));
        intake = new WorkItemIntake(workItems, modes, new DraftDelivery(workItems,
                new ReleaseClaims(store, Duration.ofMinutes(2)), (item, draft) -> { }, clock,
                new ReleaseRetries(10, Duration.ofSeconds(30), Duration.ofHours(1))), clock);
    }

    @AfterEach
    void close() {
        ehr.close();
        store.close();
    }

    private static Map<ReferralStage, Duration> waits() {
        Map<ReferralStage, Duration> waits = new EnumMap<>(ReferralStage.class);
        waits.put(ReferralStage.SENT, SENT_WAIT);
        waits.put(ReferralStage.ACKNOWLEDGED, Duration.ofDays(7));
        waits.put(ReferralStage.SCHEDULED, Duration.ofDays(30));
        waits.put(ReferralStage.SEEN, Duration.ofDays(14));
        return waits;
    }

    /** A new trigger and monitor on the same store: what an engine restart builds. */
    private ReferralTrigger trigger() {
        return new ReferralTrigger(new ReferralTriage(IntakeRules.builtIn()), new ReferralWorkItems(Duration.ofDays(2),
                Duration.ofDays(1), clock), intake, tracker(), settings.practiceNpis(), "system:referrals");
    }

    private ReferralTracker tracker() {
        return new ReferralTracker(new ReferralLoops(store), settings, trail, clock);
    }

    private ReferralLoopMonitor monitor() {
        return new ReferralLoopMonitor(new ReferralLoops(store), new ReferralWorkItems(Duration.ofDays(2), Duration.ofDays(1),
                clock), intake, settings, clock);
    }

    /** As hl7-process: map, write to the EHR (audited), then the referral step. @return the patient's key */
    private String process(String message) throws Exception {
        Hl7MessageHeader header = Hl7MessageHeader.scan(message);
        AuditSubject subject = new AuditSubject(header.patientGroup(keys), header.deduplicationKey(), "hl7-mllp-in");
        Bundle bundle = new Hl7ToFhirMapper().toBundle(message);
        List<String> written = writer.write(bundle.copy(), subject);
        trigger().record(bundle, written, subject, header.messageTypeAndEvent());
        return subject.patientKey();
    }

    private List<WorkItem> items() throws Exception {
        return workItems.list(WorkItemQuery.all()).stream().sorted(Comparator.comparingLong(WorkItem::id)).toList();
    }

    @Test
    void anInboundReferralMeetingTheRulesBecomesAScheduledWorkItemAtItsPriority() throws Exception {
        String key = process(Referrals.refI12("MSG2001", "REF2001", "MRN2001", "R^Routine^HL70280", "CARD^Cardiology^L",
                "R07.9^Chest pain, unspecified^I10C", "60054^Aetna", Referrals.OTHER_NPI));
        List<WorkItem> items = items();
        assertEquals(1, items.size());
        WorkItem item = items.get(0);
        assertEquals(ReferralWorkItems.SCHEDULE, item.type());
        assertEquals(WorkQueue.SCHEDULING, item.queue());
        assertEquals(WorkItemPriority.URGENT, item.priority());
        assertEquals("schedule", item.suiteResult().classification());
        assertEquals(key, item.patient().pseudonymKey());
        assertTrue(item.links().get(0).reference().startsWith("ServiceRequest/"), item.links().toString());
        assertEquals(List.of(), new ReferralLoops(store).open(), "an inbound referral opens no outbound loop");
    }

    @Test
    void anInboundReferralLackingTheReasonBecomesALetterAskingForIt() throws Exception {
        process(Referrals.refI12("MSG2002", "REF2002", "MRN2002", "R", "CARD^Cardiology^L", "", "60054^Aetna",
                Referrals.OTHER_NPI));
        WorkItem item = items().get(0);
        assertEquals(ReferralWorkItems.MISSING_INFORMATION, item.type());
        assertEquals(WorkQueue.FRONT_DESK, item.queue());
        assertEquals(0.0, item.suiteResult().confidence(), "a letter to another provider always waits for a person");
        assertEquals("Re: your referral REF2002\n\nThank you for the referral. Before we can schedule the patient, please send:\n"
                + "- the reason for referral\n", item.suiteResult().draft().text());
    }

    @Test
    void anOutboundLoopIsFollowedUpThenAlertsWhenItStallsAcrossARestart() throws Exception {
        String key = process(Referrals.refI12("MSG3001", "REF3001", "MRN3001", "R", "CARD^Cardiology^L",
                "I20.9^Angina pectoris, unspecified^I10C", "60054^Aetna", Referrals.PRACTICE_NPI));
        List<ReferralLoop> open = new ReferralLoops(store).open();
        assertEquals(1, open.size());
        ReferralLoop loop = open.get(0);
        assertEquals("REF3001", loop.referralId());
        assertEquals(ReferralStage.SENT, loop.stage());
        assertEquals("CARD", loop.specialty());
        assertEquals(key, loop.patient().pseudonymKey());
        assertEquals(START.plus(SENT_WAIT), loop.nextFollowUp());
        assertEquals(List.of(), items(), "an outbound referral is tracked, not triaged");

        assertEquals(0, monitor().check(), "nothing due before the wait at stage sent is over");
        clock.advance(SENT_WAIT);
        assertEquals(1, monitor().check());
        assertEquals(0, monitor().check(), "one follow-up per due time");
        clock.advance(SENT_WAIT);
        assertEquals(1, monitor().check());
        List<WorkItem> followUps = items();
        assertEquals(List.of(ReferralWorkItems.FOLLOW_UP, ReferralWorkItems.FOLLOW_UP), followUps.stream().map(WorkItem::type).toList());
        assertEquals("Re: our referral REF3001 (CARD)\n\nPlease confirm you received this referral.\n",
                followUps.get(0).suiteResult().draft().text());

        clock.advance(SENT_WAIT);
        assertEquals(1, monitor().check(), "after two follow-ups the next due time is the stall alert");
        WorkItem alert = items().get(2);
        assertEquals(ReferralWorkItems.STALLED, alert.type());
        assertEquals(WorkQueue.CLINICIAN, alert.queue());
        assertEquals(WorkItemPriority.URGENT, alert.priority());
        assertEquals(List.of("referral REF3001 to CARD stalled at stage sent since " + START, "2 follow-ups sent without progress"),
                alert.suiteResult().reasons());
        assertNull(new ReferralLoops(store).find("REF3001").orElseThrow().nextFollowUp());
        clock.advance(SENT_WAIT.multipliedBy(5));
        assertEquals(0, monitor().check(), "one alert per stall");
        assertEquals(3, items().size());

        // The specialist answers at last: the loop moves on, its follow-ups start again from the new stage.
        assertEquals(ReferralTracker.Move.MOVED, tracker().mark("REF3001", ReferralStage.ACKNOWLEDGED, "frontdesk", null));
        ReferralLoop acknowledged = new ReferralLoops(store).find("REF3001").orElseThrow();
        assertEquals(ReferralStage.ACKNOWLEDGED, acknowledged.stage());
        assertEquals(0, acknowledged.followUpsSent());
        assertEquals(clock.instant().plus(Duration.ofDays(7)), acknowledged.nextFollowUp());
        assertEquals(ReferralTracker.Move.NOT_LATER, tracker().mark("REF3001", ReferralStage.SENT, "frontdesk", null));
        process(Referrals.rriI12("MSG3009", "REF3001", "MRN3001"));
        assertEquals(ReferralStage.ACKNOWLEDGED, new ReferralLoops(store).find("REF3001").orElseThrow().stage(),
                "a late RRI^I12 changes nothing");

        assertEquals(ReferralTracker.Move.MOVED, tracker().mark("REF3001", ReferralStage.REPORT_RECEIVED, "records", null));
        assertEquals(List.of(), new ReferralLoops(store).open(), "the report closes the loop");
        clock.advance(Duration.ofDays(365));
        assertEquals(0, monitor().check());
        assertEquals(ReferralTracker.Move.CLOSED, tracker().mark("REF3001", ReferralStage.SEEN, "records", null));
    }

    @Test
    void anRriFromTheReferredToProviderAcknowledgesTheLoop() throws Exception {
        process(Referrals.refI12("MSG3101", "REF3101", "MRN3101", "R", "CARD^Cardiology^L",
                "I20.9^Angina pectoris, unspecified^I10C", "60054^Aetna", Referrals.PRACTICE_NPI));
        clock.advance(Duration.ofDays(1));
        process(Referrals.rriI12("MSG3102", "REF3101", "MRN3101"));
        ReferralLoop loop = new ReferralLoops(store).find("REF3101").orElseThrow();
        assertEquals(ReferralStage.ACKNOWLEDGED, loop.stage());
        assertEquals(START.plus(Duration.ofDays(1)), loop.stageAt());
        assertEquals(START.plus(Duration.ofDays(8)), loop.nextFollowUp());
    }

    @Test
    void aResentOutboundReferralOpensOneLoop() throws Exception {
        String message = Referrals.refI12("MSG3002", "REF3002", "MRN3002", "R", "ENDO^Endocrinology^L",
                "E11.9^Type 2 diabetes^I10C", "60054^Aetna", Referrals.PRACTICE_NPI);
        process(message);
        process(message.replace("MSG3002", "MSG3003"));
        assertEquals(1, new ReferralLoops(store).open().size());
        assertEquals(ReferralTracker.Move.UNKNOWN_REFERRAL, tracker().mark("REF9999", ReferralStage.SEEN, "frontdesk", null));
    }
}
