package org.medrelay.processors.review;

import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.hl7.fhir.r4.model.Type;

import java.math.BigDecimal;
import java.util.Date;
import java.util.Optional;

/**
 * A work item as a FHIR R4 Task, for the EHR's worklists: identifier = the work item id (the key of the
 * conditional update), status from the item's status (the exact one in businessStatus), intent order, priority,
 * code = the type, performerType = the queue, owner = the assignee or the queue, for = the patient, focus = the
 * draft (as a contained Binary) or else the first linked resource, input = reasons, confidence, classification,
 * source message and links, restriction.period.end = the due date.
 */
public class WorkItemTaskMapper {

    public static final String TYPE_SYSTEM = "urn:medrelay:work-item-type";
    public static final String QUEUE_SYSTEM = "urn:medrelay:work-queue";
    public static final String STATUS_SYSTEM = "urn:medrelay:work-item-status";
    public static final String INPUT_SYSTEM = "urn:medrelay:work-item-input";

    private static final String DRAFT_ID = "draft";

    private final String identifierSystem;

    /** @param identifierSystem the system of the work item id in Task.identifier ({@code medrelay.work-items.task-identifier-system}) */
    public WorkItemTaskMapper(String identifierSystem) {
        this.identifierSystem = identifierSystem;
    }

    public String identifierSystem() {
        return identifierSystem;
    }

    /** The conditional URL the Task is written with: {@code Task?identifier=<system>|<id>}. */
    public String conditionalUrl(long workItemId) {
        return "Task?identifier=" + identifierSystem + "|" + workItemId;
    }

    public Task toTask(WorkItem item) {
        Task task = new Task();
        task.addIdentifier(new Identifier().setSystem(identifierSystem).setValue(Long.toString(item.id())));
        task.setStatus(taskStatusOf(item.status()));
        task.setBusinessStatus(concept(STATUS_SYSTEM, item.status().name().toLowerCase()));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(Task.TaskPriority.fromCode(item.priority().fhirCode()));
        task.setCode(concept(TYPE_SYSTEM, item.type().code()));
        task.addPerformerType(concept(QUEUE_SYSTEM, item.queue().code()));
        task.setOwner(owner(item));
        if (item.patient().identified()) {
            task.setFor(new Reference(item.patient().reference()));
        }
        focus(item, task);
        task.setAuthoredOn(Date.from(item.createdAt()));
        task.setLastModified(Date.from(item.updatedAt()));
        task.getRestriction().getPeriod().setEnd(Date.from(item.dueAt()));
        inputs(item, task);
        if (item.status() == WorkItemStatus.REJECTED) {
            task.setStatusReason(new CodeableConcept().setText(item.decision().reason()));
        }
        return task;
    }

    /**
     * OPEN and ESCALATED wait for a person: ready. APPROVED is decided but not yet delivered: in-progress.
     * RELEASED and RECORDED (shadow) are done: completed. REJECTED: rejected.
     */
    public static TaskStatus taskStatusOf(WorkItemStatus status) {
        return switch (status) {
            case OPEN, ESCALATED -> TaskStatus.READY;
            case APPROVED -> TaskStatus.INPROGRESS;
            case RELEASED, RECORDED -> TaskStatus.COMPLETED;
            case REJECTED -> TaskStatus.REJECTED;
        };
    }

    /** The work item id a Task carries under our identifier system. */
    public Optional<Long> workItemIdOf(Task task) {
        return task.getIdentifier().stream()
                .filter(i -> identifierSystem.equals(i.getSystem()) && i.hasValue())
                .map(Identifier::getValue)
                .filter(v -> v.matches("[0-9]{1,18}"))
                .map(Long::valueOf)
                .findFirst();
    }

    private static Reference owner(WorkItem item) {
        if (item.assignee() != null) {
            return new Reference().setType("PractitionerRole").setDisplay(item.assignee());
        }
        return new Reference().setType("Organization").setDisplay("MedRelay " + item.queue().code() + " queue");
    }

    private static void focus(WorkItem item, Task task) {
        if (item.suiteResult().draft() != null) {
            Draft draft = item.draftToRelease();
            Binary binary = new Binary();
            binary.setId(DRAFT_ID);
            binary.setContentType(draft.contentType());
            binary.setData(draft.payload());
            task.addContained(binary);
            task.setFocus(new Reference("#" + DRAFT_ID));
            return;
        }
        item.links().stream()
                .filter(l -> l.kind() == WorkItemLink.Kind.FHIR_RESOURCE)
                .findFirst()
                .ifPresent(l -> task.setFocus(new Reference(l.reference()).setDisplay(l.description())));
    }

    private static void inputs(WorkItem item, Task task) {
        SuiteResult result = item.suiteResult();
        for (String reason : result.reasons()) {
            input(task, "reason", new StringType(reason));
        }
        input(task, "confidence", new DecimalType(BigDecimal.valueOf(result.confidence())));
        if (result.classification() != null) {
            input(task, "classification", new StringType(result.classification()));
        }
        if (item.sourceMessageKey() != null) {
            input(task, "source-message", new StringType(item.sourceMessageKey()));
        }
        for (WorkItemLink link : item.links()) {
            input(task, link.kind() == WorkItemLink.Kind.FHIR_RESOURCE ? "resource" : "document",
                    new Reference(link.reference()).setDisplay(link.description()));
        }
        if (item.originalQueue() != null) {
            input(task, "escalated-from", new StringType(item.originalQueue().code()));
        }
    }

    private static void input(Task task, String code, Type value) {
        task.addInput().setType(concept(INPUT_SYSTEM, code)).setValue(value);
    }

    private static CodeableConcept concept(String system, String code) {
        return new CodeableConcept(new Coding(system, code, null));
    }
}
