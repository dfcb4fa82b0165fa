package org.medrelay.processors.review;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which work items to list: any combination of queue, statuses, patient (by FHIR reference or pseudonymous key),
 * workflow and due before. Unset
 * criteria match everything. Results come soonest due first.
 *
 * <pre>{@code store.list(WorkItemQuery.all().inQueue(WorkQueue.BILLING).withStatus(WorkItemStatus.OPEN))}</pre>
 */
public record WorkItemQuery(WorkQueue queue, Set<WorkItemStatus> statuses, String patientReference, String patientKey,
                            String workflow, Instant dueBefore, int limit) {

    public static final int DEFAULT_LIMIT = 200;

    public WorkItemQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
        if (limit < 1) {
            throw new IllegalArgumentException("A work item query's limit must be at least 1");
        }
    }

    public static WorkItemQuery all() {
        return new WorkItemQuery(null, Set.of(), null, null, null, null, DEFAULT_LIMIT);
    }

    public WorkItemQuery inQueue(WorkQueue newQueue) {
        return new WorkItemQuery(newQueue, statuses, patientReference, patientKey, workflow, dueBefore, limit);
    }

    public WorkItemQuery withStatus(WorkItemStatus first, WorkItemStatus... more) {
        return new WorkItemQuery(queue, EnumSet.of(first, more), patientReference, patientKey, workflow, dueBefore, limit);
    }

    /** @param reference the FHIR Patient reference, e.g. {@code Patient/123} */
    public WorkItemQuery forPatient(String reference) {
        return new WorkItemQuery(queue, statuses, reference, patientKey, workflow, dueBefore, limit);
    }

    /** @param key the patient's pseudonymous key, as the audit trail names them (never an MRN) */
    public WorkItemQuery forPatientKey(String key) {
        return new WorkItemQuery(queue, statuses, patientReference, key, workflow, dueBefore, limit);
    }

    /** Any of these statuses; empty for all. */
    public WorkItemQuery withStatuses(Set<WorkItemStatus> any) {
        return new WorkItemQuery(queue, any, patientReference, patientKey, workflow, dueBefore, limit);
    }

    public WorkItemQuery inWorkflow(String name) {
        return new WorkItemQuery(queue, statuses, patientReference, patientKey, name, dueBefore, limit);
    }

    public WorkItemQuery dueBefore(Instant instant) {
        return new WorkItemQuery(queue, statuses, patientReference, patientKey, workflow, instant, limit);
    }

    public WorkItemQuery limit(int newLimit) {
        return new WorkItemQuery(queue, statuses, patientReference, patientKey, workflow, dueBefore, newLimit);
    }
}
