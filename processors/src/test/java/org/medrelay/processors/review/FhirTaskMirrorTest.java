package org.medrelay.processors.review;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.review.SyntheticItems.PATIENT_A;

/**
 * Work items as FHIR Tasks in the sandbox EHR (a real HAPI FHIR R4 server), both ways: written with conditional
 * updates, and changes people make to the Tasks in the EHR read back into the work items.
 */
class FhirTaskMirrorTest extends H2Desk {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static SandboxFhirServer ehrServer;

    private IGenericClient ehr;
    private WorkItemTaskMapper mapper;
    private TaskMirrorLedger ledger;
    private FhirTaskMirror mirror;
    private FhirTaskStatusSync sync;

    @BeforeAll
    static void startEhr() {
        // Pages of 2, so reading back changes has to follow the next links.
        ehrServer = new SandboxFhirServer(new SandboxFhirSettings("jdbc:h2:mem:ehr-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "127.0.0.1", 0, "/fhir", 2, 500), FHIR);
        ehrServer.start();
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    }

    @AfterAll
    static void stopEhr() {
        ehrServer.stop();
    }

    @BeforeEach
    void mirror() {
        ehr = FHIR.newRestfulGenericClient(ehrServer.getBaseUrl());
        // One identifier system per test: each test's store numbers its work items from 1.
        mapper = new WorkItemTaskMapper("urn:medrelay:work-item:" + UUID.randomUUID());
        ledger = new TaskMirrorLedger(dataSource);
        mirror = new FhirTaskMirror(ehr, mapper, ledger, 100);
        sync = new FhirTaskStatusSync(ehr, mapper, desk.store, desk.actions, ledger);
    }

    @Test
    void aWorkItemBecomesATaskWithEverythingThePersonNeeds() throws SQLException {
        WorkItem item = desk.intake.accept(SyntheticItems.eligibilityGap(PATIENT_A, 0.82, desk.in(Duration.ofHours(4))));
        assertEquals(1, mirror.push());

        Task task = onlyTask(item);
        assertEquals(mapper.identifierSystem(), task.getIdentifierFirstRep().getSystem());
        assertEquals(Long.toString(item.id()), task.getIdentifierFirstRep().getValue());
        assertEquals(TaskStatus.READY, task.getStatus());
        assertEquals("open", task.getBusinessStatus().getCodingFirstRep().getCode());
        assertEquals(Task.TaskIntent.ORDER, task.getIntent());
        assertEquals(Task.TaskPriority.URGENT, task.getPriority());
        assertEquals("eligibility-gap", task.getCode().getCodingFirstRep().getCode());
        assertEquals("front-desk", task.getPerformerTypeFirstRep().getCodingFirstRep().getCode());
        assertEquals("Organization", task.getOwner().getType());
        assertEquals("MedRelay front-desk queue", task.getOwner().getDisplay());
        assertEquals("Patient/syn-a17", task.getFor().getReference());
        assertEquals(Date.from(item.dueAt()), task.getRestriction().getPeriod().getEnd());
        Binary draft = (Binary) task.getContained().get(0);
        assertEquals("#draft", task.getFocus().getReference());
        assertEquals("text/plain", draft.getContentType());
        assertEquals(item.suiteResult().draft().text(), new String(draft.getData(), StandardCharsets.UTF_8));
        assertEquals(List.of("271 EB01=6: inactive coverage", "no other active plan on file"), inputs(task, "reason"));
        assertEquals(List.of("EPICADT|SYNCLINIC|CTL-1001"), inputs(task, "source-message"));
        assertEquals(List.of("Coverage/cov-syn-1"), task.getInput().stream()
                .filter(i -> i.getType().getCodingFirstRep().getCode().equals("resource"))
                .map(i -> ((Reference) i.getValue()).getReference()).toList());
    }

    @Test
    void everyChangeUpdatesTheSameTask() throws SQLException {
        WorkItem item = desk.intake.accept(SyntheticItems.eligibilityGap(PATIENT_A, 0.82, desk.in(Duration.ofHours(4))));
        mirror.push();
        String taskId = onlyTask(item).getIdElement().getIdPart();
        assertEquals(0, mirror.push(), "nothing changed, nothing written");

        WorkItem moved = desk.actions.reassign(item.id(), item.version(), "frontdesk.kim", WorkQueue.BILLING, "billing.raj");
        desk.actions.approve(moved.id(), moved.version(), "billing.raj");
        assertEquals(1, mirror.push());

        Task task = onlyTask(item);
        assertEquals(taskId, task.getIdElement().getIdPart(), "updated in place, not duplicated");
        assertEquals(TaskStatus.COMPLETED, task.getStatus());
        assertEquals("released", task.getBusinessStatus().getCodingFirstRep().getCode());
        assertEquals("billing", task.getPerformerTypeFirstRep().getCodingFirstRep().getCode());
        assertEquals("PractitionerRole", task.getOwner().getType());
        assertEquals("billing.raj", task.getOwner().getDisplay());
    }

    @Test
    void aTaskCompletedInTheEhrApprovesAndReleasesTheItem() throws SQLException {
        WorkItem item = desk.intake.accept(SyntheticItems.priorAuthDraft(PATIENT_A, 0.7, desk.in(Duration.ofDays(2))));
        mirror.push();
        assertEquals(0, sync.pull(), "MedRelay's own Task comes back in step");

        Task task = onlyTask(item);
        task.setStatus(TaskStatus.COMPLETED);
        ehr.update().resource(task).execute();
        assertEquals(1, sync.pull());

        WorkItem released = desk.store.get(item.id());
        assertEquals(WorkItemStatus.RELEASED, released.status());
        assertEquals(DecisionKind.APPROVED_AS_IS, released.decision().kind());
        assertEquals("system:task-sync", released.decision().decidedBy());
        assertTrue(desk.auditTrail.page(AuditQuery.ALL, 0, 100).stream().map(AuditEntry::event).anyMatch(e ->
                e.action() == AuditAction.APPROVE && e.actor().equals("system:task-sync")
                        && e.target().equals("work-item/" + item.id())), "the EHR's decision is audited");
        assertEquals(1, desk.release.released().size());

        mirror.push();
        assertEquals(TaskStatus.COMPLETED, onlyTask(item).getStatus());
        assertEquals(0, sync.pull(), "applying the same Task again changes nothing");
        assertEquals(1, desk.release.released().size());
    }

    @Test
    void aTaskCancelledInTheEhrRejectsTheItemWithItsReason() throws SQLException {
        WorkItem item = desk.intake.accept(SyntheticItems.priorAuthDraft(PATIENT_A, 0.7, desk.in(Duration.ofDays(2))));
        mirror.push();

        Task task = onlyTask(item);
        task.setStatus(TaskStatus.CANCELLED);
        task.setStatusReason(new CodeableConcept().setText("order withdrawn by the ordering clinician"));
        ehr.update().resource(task).execute();
        sync.pull();

        WorkItem rejected = desk.store.get(item.id());
        assertEquals(WorkItemStatus.REJECTED, rejected.status());
        assertEquals("Task cancelled in the EHR: order withdrawn by the ordering clinician", rejected.decision().reason());
        assertTrue(desk.release.released().isEmpty());
    }

    @Test
    void aShadowItemCompletedInTheEhrIsRecordedNotReleased() throws SQLException {
        desk.mode("prior-auth", "shadow");
        WorkItem item = desk.intake.accept(SyntheticItems.priorAuthDraft(PATIENT_A, 0.7, desk.in(Duration.ofDays(2))));
        mirror.push();
        Task task = onlyTask(item);
        task.setStatus(TaskStatus.COMPLETED);
        ehr.update().resource(task).execute();
        sync.pull();

        assertEquals(WorkItemStatus.RECORDED, desk.store.get(item.id()).status());
        assertTrue(desk.release.released().isEmpty());
    }

    @Test
    void workUnderWayInTheEhrIsLeftAlone() throws SQLException {
        WorkItem item = desk.intake.accept(SyntheticItems.priorAuthDraft(PATIENT_A, 0.7, desk.in(Duration.ofDays(2))));
        mirror.push();
        Task task = onlyTask(item);
        task.setStatus(TaskStatus.INPROGRESS);
        ehr.update().resource(task).execute();

        assertEquals(0, sync.pull());
        assertEquals(0, mirror.push(), "an in-progress Task of an open item is not overwritten");
        assertEquals(TaskStatus.INPROGRESS, onlyTask(item).getStatus());
    }

    @Test
    void aDecidedItemsStatusIsWrittenBackWhenTheEhrSaysOtherwise() throws SQLException {
        WorkItem item = desk.intake.accept(SyntheticItems.priorAuthDraft(PATIENT_A, 0.7, desk.in(Duration.ofDays(2))));
        desk.actions.reject(item.id(), item.version(), "dr.osei", "patient chose physical therapy first");
        mirror.push();
        Task task = onlyTask(item);
        assertEquals(TaskStatus.REJECTED, task.getStatus());
        assertEquals("patient chose physical therapy first", task.getStatusReason().getText());

        task.setStatus(TaskStatus.COMPLETED);
        ehr.update().resource(task).execute();
        sync.pull();
        assertEquals(WorkItemStatus.REJECTED, desk.store.get(item.id()).status(), "MedRelay's decision stands");
        assertTrue(desk.release.released().isEmpty());

        assertEquals(1, mirror.push());
        assertEquals(TaskStatus.REJECTED, onlyTask(item).getStatus(), "and is written back");
    }

    @Test
    void changesAreReadPageByPageAndOnlyOnce() throws SQLException {
        List<WorkItem> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(desk.intake.accept(SyntheticItems.faxTriage(PATIENT_A, 0.6, desk.in(Duration.ofHours(6)))));
        }
        mirror.push();
        sync.pull();
        for (WorkItem item : items) {
            Task task = onlyTask(item);
            task.setStatus(TaskStatus.COMPLETED);
            ehr.update().resource(task).execute();
        }

        assertEquals(5, sync.pull(), "five Tasks over three pages of two");
        assertEquals(5, desk.store.list(WorkItemQuery.all().withStatus(WorkItemStatus.RELEASED)).size());
        assertTrue(ledger.cursor().isPresent());
        assertEquals(0, sync.pull());
    }

    @Test
    void anEhrThatRefusesTaskIsSkippedGracefully() throws SQLException {
        try (SandboxFhirServer noTasks = new SandboxFhirServer(SandboxFhirSettings.of("jdbc:h2:mem:ehr-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "127.0.0.1", 0, "/fhir"), FHIR).registerInterceptor(new TaskRefusingEhr());
             LogCapture log = new LogCapture(FhirTaskMirror.class);
             LogCapture syncLog = new LogCapture(FhirTaskStatusSync.class)) {
            noTasks.start();
            IGenericClient refusing = FHIR.newRestfulGenericClient(noTasks.getBaseUrl());
            FhirTaskMirror refusedMirror = new FhirTaskMirror(refusing, mapper, ledger, 100);
            FhirTaskStatusSync refusedSync = new FhirTaskStatusSync(refusing, mapper, desk.store, desk.actions, ledger);
            WorkItem item = desk.intake.accept(SyntheticItems.eligibilityGap(PATIENT_A, 0.82, desk.in(Duration.ofHours(4))));

            assertEquals(0, refusedMirror.push());
            assertEquals(0, refusedSync.pull());

            assertEquals(405, ledger.refusal(item.id()).orElseThrow());
            assertEquals(0, refusedMirror.push(), "not offered again until the item changes");
            assertEquals(List.of("EHR refused the Task for work item " + item.id()
                    + " with HTTP 405; the work item goes on without its Task"), log.lines());
            assertEquals(List.of("EHR answered HTTP 405 to the Task search; Task changes are read again next round"),
                    syncLog.lines());
            WorkItem released = desk.actions.approve(item.id(), item.version(), "frontdesk.kim");
            assertEquals(WorkItemStatus.RELEASED, released.status(), "the work item itself is unaffected");
            for (String line : log.lines()) {
                assertFalse(line.contains("syn-a17") || line.contains("Synthetic Mutual"), line);
            }
        }
    }

    private Task onlyTask(WorkItem item) {
        Bundle found = ehr.search().byUrl(mapper.conditionalUrl(item.id())).returnBundle(Bundle.class).execute();
        assertEquals(1, found.getEntry().size(), "one Task per work item");
        return (Task) found.getEntryFirstRep().getResource();
    }

    private static List<String> inputs(Task task, String code) {
        return task.getInput().stream()
                .filter(i -> i.getType().getCodingFirstRep().getCode().equals(code))
                .map(i -> ((StringType) i.getValue()).getValue())
                .toList();
    }
}
