package org.medrelay.processors.review;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * Reads back what people did to MedRelay's Tasks in the EHR and applies it to the work items, so the two stay in
 * step both ways:
 * <ul>
 *   <li>Task completed: the item is approved as is (and released, or recorded in shadow mode);</li>
 *   <li>Task cancelled or rejected: the item is rejected, with the Task's statusReason as the reason;</li>
 *   <li>a Task still in the works (ready, accepted, in-progress, on-hold, ...) for an item that waits: left alone;</li>
 *   <li>any other difference (a decided item whose Task says otherwise): MedRelay's state wins and is written
 *       back to the Task on the next mirror round.</li>
 * </ul>
 * The search is {@code Task?identifier=<system>|&_lastUpdated=ge<last seen>}, on the EHR's own clock. It uses
 * ge, not gt, so a Task updated in the same millisecond as the last one seen is not missed; applying a Task twice
 * changes nothing. The Tasks MedRelay writes itself come back too, and are in step, so nothing happens.
 */
public class FhirTaskStatusSync {

    /** Who the work item and the audit trail name for a decision made in the EHR ({@link WorkItemActors#TASK_SYNC}). */
    static final String EHR_ACTOR = WorkItemActors.TASK_SYNC;

    private static final Logger LOG = LoggerFactory.getLogger(FhirTaskStatusSync.class);

    /** Task statuses of work under way in the EHR: no decision yet. */
    private static final Set<TaskStatus> IN_THE_WORKS = Set.of(TaskStatus.DRAFT, TaskStatus.REQUESTED,
            TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.READY, TaskStatus.INPROGRESS, TaskStatus.ONHOLD);

    private final IGenericClient ehr;
    private final WorkItemTaskMapper mapper;
    private final WorkItemStore store;
    private final WorkItemActions actions;
    private final TaskMirrorLedger ledger;

    public FhirTaskStatusSync(IGenericClient ehr, WorkItemTaskMapper mapper, WorkItemStore store,
                              WorkItemActions actions, TaskMirrorLedger ledger) {
        this.ehr = ehr;
        this.mapper = mapper;
        this.store = store;
        this.actions = actions;
        this.ledger = ledger;
    }

    /** @return how many work items changed because of a Task */
    public int pull() throws SQLException {
        Optional<Instant> since = ledger.cursor();
        Instant newest = since.orElse(null);
        int applied = 0;
        try {
            Bundle page = ehr.search().byUrl(searchUrl(since)).returnBundle(Bundle.class).execute();
            while (true) {
                for (Bundle.BundleEntryComponent entry : page.getEntry()) {
                    if (entry.getResource() instanceof Task task) {
                        applied += apply(task) ? 1 : 0;
                        newest = later(newest, task.getMeta().getLastUpdated());
                    }
                }
                if (page.getLink(Bundle.LINK_NEXT) == null) {
                    break;
                }
                page = ehr.loadPage().next(page).execute();
            }
        } catch (FhirClientConnectionException e) {
            LOG.warn("EHR unreachable while reading Task changes; read again next round");
            return applied;
        } catch (BaseServerResponseException e) {
            LOG.warn("EHR answered HTTP {} to the Task search; Task changes are read again next round", e.getStatusCode());
            return applied;
        }
        // Only after every page: an EHR need not return Tasks oldest first, so a round cut short keeps its cursor.
        if (newest != null && !since.map(newest::equals).orElse(false)) {
            ledger.advanceCursor(newest);
        }
        return applied;
    }

    private String searchUrl(Optional<Instant> since) {
        String url = "Task?identifier=" + mapper.identifierSystem() + "|";
        return since.map(s -> url + "&_lastUpdated=ge" + new InstantType(Date.from(s)).getValueAsString()).orElse(url);
    }

    private boolean apply(Task task) throws SQLException {
        Optional<Long> id = mapper.workItemIdOf(task);
        if (id.isEmpty()) {
            return false;
        }
        Optional<WorkItem> found = store.find(id.get());
        if (found.isEmpty()) {
            LOG.warn("EHR Task {} names work item {}, which this store does not hold; ignored",
                    task.getIdElement().getIdPart(), id.get());
            return false;
        }
        WorkItem item = found.get();
        TaskStatus status = task.getStatus();
        try {
            if (item.status().awaitsDecision() && status == TaskStatus.COMPLETED) {
                actions.approve(item.id(), item.version(), EHR_ACTOR);
                return true;
            }
            if (item.status().awaitsDecision() && (status == TaskStatus.CANCELLED || status == TaskStatus.REJECTED)) {
                actions.reject(item.id(), item.version(), EHR_ACTOR, reasonOf(task));
                return true;
            }
        } catch (WorkItemConflictException | WorkItemActionRefusedException e) {
            // A person acted in MedRelay at the same moment: their decision stands and goes out to the Task.
            LOG.info("Work item {} was decided in MedRelay while its Task changed in the EHR; MedRelay's decision kept",
                    item.id());
            ledger.requestPush(item.id());
            return false;
        }
        boolean waitingInBoth = item.status().awaitsDecision() && IN_THE_WORKS.contains(status);
        if (!waitingInBoth && status != WorkItemTaskMapper.taskStatusOf(item.status())) {
            LOG.info("Task for work item {} says {} but the item is {}; MedRelay's status is written back", item.id(),
                    status == null ? "nothing" : status.toCode(), item.status());
            ledger.requestPush(item.id());
        }
        return false;
    }

    private static String reasonOf(Task task) {
        String label = task.getStatus().toCode();
        if (task.hasStatusReason() && task.getStatusReason().hasText()) {
            return "Task " + label + " in the EHR: " + task.getStatusReason().getText();
        }
        if (task.hasStatusReason() && task.getStatusReason().hasCoding()
                && task.getStatusReason().getCodingFirstRep().hasDisplay()) {
            return "Task " + label + " in the EHR: " + task.getStatusReason().getCodingFirstRep().getDisplay();
        }
        return "Task " + label + " in the EHR";
    }

    private static Instant later(Instant current, Date candidate) {
        if (candidate == null) {
            return current;
        }
        Instant instant = candidate.toInstant();
        return current == null || instant.isAfter(current) ? instant : current;
    }
}
