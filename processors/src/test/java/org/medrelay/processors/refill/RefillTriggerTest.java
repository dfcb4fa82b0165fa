package org.medrelay.processors.refill;

import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.drafting.DraftingAudit;
import org.medrelay.processors.drafting.PatientMessages;
import org.medrelay.processors.drafting.TemplateDraftingModel;
import org.medrelay.processors.review.DraftDelivery;
import org.medrelay.processors.review.ModeChangeLog;
import org.medrelay.processors.review.OperatingMode;
import org.medrelay.processors.review.OperatingModes;
import org.medrelay.processors.review.ReleaseClaims;
import org.medrelay.processors.review.ReleaseRetries;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemAuditHook;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStatus;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.processors.review.WorkflowProperties;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine step: a triaged request becomes the prescriber's work item, and a needs-visit one a scheduling item too. */
class RefillTriggerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String PATIENT_KEY = "0a1b2c3d4e5f60718293a4b5";

    private final SandboxChart ehr = new SandboxChart(NOW);
    private final HikariDataSource store = StoreDataSources.openAndMigrate(new StoreSettings(
            "jdbc:h2:mem:refill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
    private final AuditTrail trail = new AuditTrail(store);
    private final Map<String, String> workflowProperties = new HashMap<>();
    private final WorkItemStore workItems = new WorkItemStore(store, WorkItemAuditHook.into(trail));
    private final List<Long> released = new ArrayList<>();
    private final RefillTrigger trigger = trigger();
    private final AuditSubject subject = new AuditSubject(PATIENT_KEY, "CPOE|MRH|RX1", "hl7-mllp-in");
    private final String patient = ehr.patient("MRN-T1");

    private RefillTrigger trigger() {
        OperatingModes modes = new OperatingModes(new WorkflowProperties(workflowProperties::get),
                new ModeChangeLog(store, WorkItemAuditHook.into(trail)));
        DraftDelivery delivery = new DraftDelivery(workItems, new ReleaseClaims(store, Duration.ofMinutes(2)),
                (item, draft) -> released.add(item.id()), CLOCK,
                new ReleaseRetries(10, Duration.ofSeconds(30), Duration.ofHours(1)));
        RefillSettings settings = new RefillSettings(null, Duration.ofDays(2), Duration.ofDays(3));
        return new RefillTrigger(new ChartReader(ehr.client, trail, "system:refills", CLOCK),
                new RefillTriage(RefillProtocols.builtIn(), CLOCK), new RefillWorkItems(SandboxChart.FHIR, settings, CLOCK),
                new PatientMessages(new TemplateDraftingModel(null, new DraftingAudit(trail, CLOCK)), CLOCK),
                new ControlledSubstanceIntake(new WorkItemIntake(workItems, modes, delivery, CLOCK), workItems, modes, CLOCK));
    }

    @AfterEach
    void close() {
        ehr.close();
        store.close();
    }

    private List<WorkItem> items() throws Exception {
        return workItems.list(WorkItemQuery.all()).stream().sorted(Comparator.comparingLong(WorkItem::id)).toList();
    }

    private void triage(String rxnorm, String drug) throws Exception {
        MedicationRequest request = SandboxChart.request(patient, rxnorm, drug, SandboxChart.PRESCRIBER_NPI);
        String written = ehr.client.create().resource(request).execute().getId().toUnqualifiedVersionless().getValue();
        Bundle mapped = new Bundle();
        mapped.addEntry().setResource(request);
        trigger.triage(mapped, List.of(patient, written), subject);
    }

    @Test
    void aRoutineRequestIsAOneClickSignOffForThePrescriber() throws Exception {
        ehr.visit(patient, SandboxChart.PRESCRIBER_NPI, 30);
        ehr.lab(patient, "3016-3", 30, "2.2", "mIU/L");
        ehr.prescribed(patient, null, "levothyroxine sodium 50 MCG Oral Tablet", 300);

        triage(null, "levothyroxine sodium 50 MCG Oral Tablet");

        List<WorkItem> items = items();
        assertEquals(1, items.size());
        WorkItem item = items.get(0);
        assertEquals(WorkQueue.CLINICIAN, item.queue());
        assertEquals("refill-request", item.type().code());
        assertEquals("routine", item.suiteResult().classification());
        assertEquals("application/fhir+json", item.suiteResult().draft().contentType());
        assertTrue(item.suiteResult().draft().text().contains("levothyroxine sodium 50 MCG Oral Tablet"));
        assertEquals(NOW.plus(Duration.ofDays(2)), item.dueAt());
        assertEquals(WorkItemStatus.OPEN, item.status());
        assertTrue(item.suiteResult().reasons().contains("thyroid-replacement: TSH on 2026-10-25, within 365 days"));
    }

    @Test
    void aNeedsVisitRequestAddsASchedulingItemWithAMessageWithoutClinicalDetails() throws Exception {
        ehr.lab(patient, "4548-4", 30, "8.4", "%");
        ehr.prescribed(patient, "860975", "metFORMIN hydrochloride 500 MG Oral Tablet", 200);

        triage("860975", "metFORMIN hydrochloride 500 MG Oral Tablet");

        List<WorkItem> items = items();
        assertEquals(List.of(WorkQueue.CLINICIAN, WorkQueue.SCHEDULING), items.stream().map(WorkItem::queue).toList());
        assertEquals(List.of("needs-visit", "needs-visit"), items.stream().map(i -> i.suiteResult().classification()).toList());
        String message = items.get(1).suiteResult().draft().text();
        assertTrue(message.startsWith("Dear Quinta,"), message);
        for (String clinical : List.of("metformin", "A1C", "8.4", "diabetes")) {
            assertFalse(message.toLowerCase().contains(clinical.toLowerCase()), "the message names " + clinical);
        }
        assertEquals("refill-visit", items.get(1).type().code());
    }

    @Test
    void aControlledSubstanceWaitsForThePrescriberEvenInLiveMode() throws Exception {
        workflowProperties.put("medrelay.workflow.refills.mode", "live");
        workflowProperties.put("medrelay.workflow.refills.live-confidence", "0");
        ehr.visit(patient, SandboxChart.PRESCRIBER_NPI, 30);
        ehr.prescribed(patient, null, "zolpidem tartrate 5 MG Oral Tablet", 30);
        ehr.prescribed(patient, null, "levothyroxine sodium 50 MCG Oral Tablet", 300);
        ehr.lab(patient, "3016-3", 30, "2.2", "mIU/L");

        triage(null, "zolpidem tartrate 5 MG Oral Tablet");
        triage(null, "levothyroxine sodium 50 MCG Oral Tablet");

        List<WorkItem> items = items();
        assertEquals("routine", items.get(0).suiteResult().classification(), "the zolpidem request meets its protocol");
        assertEquals(WorkItemStatus.OPEN, items.get(0).status());
        assertEquals(OperatingMode.REVIEW, items.get(0).mode());
        assertEquals(WorkItemStatus.RELEASED, items.get(1).status(), "the live workflow releases the routine non-controlled one");
        assertEquals(List.of(items.get(1).id()), released);
    }
}
