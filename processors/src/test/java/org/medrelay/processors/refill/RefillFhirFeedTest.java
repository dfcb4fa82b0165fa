package org.medrelay.processors.refill;

import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.drafting.DraftingAudit;
import org.medrelay.processors.drafting.PatientMessages;
import org.medrelay.processors.drafting.TemplateDraftingModel;
import org.medrelay.processors.eligibility.FhirFeedWatermarks;
import org.medrelay.processors.review.DraftDelivery;
import org.medrelay.processors.review.ModeChangeLog;
import org.medrelay.processors.review.OperatingModes;
import org.medrelay.processors.review.ReleaseClaims;
import org.medrelay.processors.review.ReleaseRetries;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemAuditHook;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.processors.review.WorkflowProperties;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;

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
 * The portal's refill requests read from the sandbox FHIR server: a MedicationRequest with the marker becomes the
 * refills workflow's work items with its class, exactly as an OMP/RDE message's would; a second poll, and a poll
 * after a restart, repeat nothing; prescriptions and proposals without the marker are left alone. Pages of 2, so
 * the feed follows next links.
 */
class RefillFhirFeedTest {

    /** The chart's dates are relative to this; triage runs at it. */
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock TRIAGE_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final PatientKeys KEYS = new PatientKeys(new byte[32]);
    private static final String MRN = "MRN-P1";

    private final SandboxChart ehr = new SandboxChart(NOW);
    private final HikariDataSource store = StoreDataSources.openAndMigrate(new StoreSettings(
            "jdbc:h2:mem:refill-feed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
    private final AuditTrail trail = new AuditTrail(store);
    private final WorkItemStore workItems = new WorkItemStore(store, WorkItemAuditHook.into(trail));
    private final RefillTrigger trigger = trigger();
    private final Instant startedAt = Instant.now().minusSeconds(5);
    private final String patient = ehr.patient(MRN);

    private RefillTrigger trigger() {
        OperatingModes modes = new OperatingModes(new WorkflowProperties(Map.<String, String>of()::get),
                new ModeChangeLog(store, WorkItemAuditHook.into(trail)));
        DraftDelivery delivery = new DraftDelivery(workItems, new ReleaseClaims(store, Duration.ofMinutes(2)),
                (item, draft) -> { }, TRIAGE_CLOCK,
                new ReleaseRetries(10, Duration.ofSeconds(30), Duration.ofHours(1)));
        RefillSettings settings = new RefillSettings(null, Duration.ofDays(2), Duration.ofDays(3));
        return new RefillTrigger(new ChartReader(ehr.client, trail, "system:refills", TRIAGE_CLOCK),
                new RefillTriage(RefillProtocols.builtIn(), TRIAGE_CLOCK), new RefillWorkItems(SandboxChart.FHIR, settings, TRIAGE_CLOCK),
                new PatientMessages(new TemplateDraftingModel(null, new DraftingAudit(trail, TRIAGE_CLOCK)), TRIAGE_CLOCK),
                new ControlledSubstanceIntake(new WorkItemIntake(workItems, modes, delivery, TRIAGE_CLOCK), workItems, modes, TRIAGE_CLOCK));
    }

    /** A new feed each call, as after an engine restart: all it knows is in the store. */
    private RefillFhirFeed feed() {
        return new RefillFhirFeed(ehr.client, new FhirFeedWatermarks(store, Duration.ofSeconds(5), Clock.systemUTC()),
                RefillRequestMarker.of("proposal", "draft,active", RefillRequestMarker.DEFAULT_CATEGORY), trigger, KEYS, trail,
                "system:refills", Clock.systemUTC(), startedAt, 2, 20);
    }

    @AfterEach
    void close() {
        ehr.close();
        store.close();
    }

    private List<WorkItem> items() throws Exception {
        return workItems.list(WorkItemQuery.all()).stream().sorted(Comparator.comparingLong(WorkItem::id)).toList();
    }

    /** What the portal writes: the patient proposes a refill of a drug, from the prescriber they name. */
    private String portalRequest(String rxnorm, String drug) {
        return portalRequest(patient, rxnorm, drug);
    }

    private String portalRequest(String forPatient, String rxnorm, String drug) {
        MedicationRequest request = SandboxChart.request(forPatient, rxnorm, drug, SandboxChart.PRESCRIBER_NPI)
                .setStatus(MedicationRequest.MedicationRequestStatus.DRAFT)
                .setIntent(MedicationRequest.MedicationRequestIntent.PROPOSAL);
        request.addCategory(new CodeableConcept(new Coding("urn:medrelay:refill", "refill-request", "Refill request")));
        return create(request);
    }

    private String create(MedicationRequest request) {
        return ehr.client.create().resource(request).execute().getId().toUnqualifiedVersionless().getValue();
    }

    @Test
    void aPortalRefillRequestBecomesTheRefillWorkItemOnceAcrossPollsAndRestarts() throws Exception {
        ehr.visit(patient, SandboxChart.PRESCRIBER_NPI, 30);
        ehr.lab(patient, "3016-3", 30, "2.2", "mIU/L");
        ehr.prescribed(patient, null, "levothyroxine sodium 50 MCG Oral Tablet", 300);
        String routine = portalRequest(null, "levothyroxine sodium 50 MCG Oral Tablet");
        String unseen = ehr.patient("MRN-P2"); // no visit with the prescriber on file
        ehr.lab(unseen, "4548-4", 30, "8.4", "%");
        ehr.prescribed(unseen, "860975", "metFORMIN hydrochloride 500 MG Oral Tablet", 200);
        String needsVisit = portalRequest(unseen, "860975", "metFORMIN hydrochloride 500 MG Oral Tablet");

        assertEquals(2, feed().poll());

        List<WorkItem> items = items();
        assertEquals(List.of(WorkQueue.CLINICIAN, WorkQueue.CLINICIAN, WorkQueue.SCHEDULING),
                items.stream().map(WorkItem::queue).toList());
        WorkItem signOff = items.get(0);
        assertEquals("refill-request", signOff.type().code());
        assertEquals("routine", signOff.suiteResult().classification());
        assertTrue(signOff.suiteResult().reasons().contains("thyroid-replacement: TSH on 2026-10-25, within 365 days"),
                signOff.suiteResult().reasons().toString());
        // the key an HL7v2 message naming the patient in PID-3 gets
        assertEquals(KEYS.keyOf("urn:oid:2.16.840.1.113883.19.5:" + MRN), signOff.patient().pseudonymKey());
        assertEquals(patient, signOff.patient().reference());
        assertTrue(signOff.links().stream().anyMatch(l -> l.kind() == WorkItemLink.Kind.FHIR_RESOURCE && l.reference().equals(routine)
                && l.description().equals("refill request")));
        assertTrue(signOff.sourceMessageKey().startsWith(routine + "/_history/"), signOff.sourceMessageKey());
        assertEquals(List.of("needs-visit", "needs-visit"), items.subList(1, 3).stream().map(i -> i.suiteResult().classification()).toList());
        assertEquals("refill-visit", items.get(2).type().code());
        assertTrue(items.get(1).links().stream().anyMatch(l -> l.reference().equals(needsVisit)));

        assertEquals(0, feed().poll(), "a second poll (and a restart) takes nothing again");
        assertEquals(0, feed().poll());
        assertEquals(3, items().size());
        assertTrue(trail.newestFirst(AuditQuery.ALL, 100).stream().anyMatch(e -> e.event().action() == AuditAction.READ
                && e.event().target().equals(patient) && RefillFhirFeed.INTERFACE.equals(e.event().interfaceName())));
    }

    @Test
    void medicationRequestsWithoutTheMarkerAreIgnored() throws Exception {
        ehr.visit(patient, SandboxChart.PRESCRIBER_NPI, 30);
        ehr.lab(patient, "3016-3", 30, "2.2", "mIU/L");
        String drug = "levothyroxine sodium 50 MCG Oral Tablet";
        ehr.prescribed(patient, null, drug, 300); // a prescription: intent order
        create(SandboxChart.request(patient, null, drug, SandboxChart.PRESCRIBER_NPI)
                .setIntent(MedicationRequest.MedicationRequestIntent.PROPOSAL)); // a proposal, not from the portal
        MedicationRequest otherCategory = SandboxChart.request(patient, null, drug, SandboxChart.PRESCRIBER_NPI)
                .setIntent(MedicationRequest.MedicationRequestIntent.PROPOSAL);
        otherCategory.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/medicationrequest-category", "outpatient", null)));
        create(otherCategory);
        MedicationRequest cancelled = SandboxChart.request(patient, null, drug, SandboxChart.PRESCRIBER_NPI)
                .setIntent(MedicationRequest.MedicationRequestIntent.PROPOSAL)
                .setStatus(MedicationRequest.MedicationRequestStatus.CANCELLED);
        cancelled.addCategory(new CodeableConcept(new Coding("urn:medrelay:refill", "refill-request", null)));
        create(cancelled); // withdrawn in the portal

        assertEquals(0, feed().poll());
        assertTrue(items().isEmpty());

        String marked = portalRequest(null, drug);
        assertEquals(1, feed().poll(), "the feed reads on: the marked one after the ignored ones is taken");
        assertEquals(1, items().size());
        assertEquals(marked, items().get(0).links().get(0).reference());
    }

    @Test
    void theMarkerIsCheckedOnEachResourceToo() {
        RefillRequestMarker marker = RefillRequestMarker.of("proposal", "draft, active", "refill-request");
        MedicationRequest request = new MedicationRequest().setIntent(MedicationRequest.MedicationRequestIntent.PROPOSAL)
                .setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        assertFalse(marker.matches(request), "no category");
        request.addCategory(new CodeableConcept(new Coding("urn:any", "refill-request", null)));
        assertTrue(marker.matches(request), "a code alone matches any system");
        assertFalse(RefillRequestMarker.of("proposal", "draft", "").matches(request), "status active is not taken");
    }
}
