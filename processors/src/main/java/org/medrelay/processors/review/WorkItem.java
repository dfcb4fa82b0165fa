package org.medrelay.processors.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The handoff from a workflow to a person: what the suite produced for one patient, the queue it waits in,
 * and, once acted on, the person's decision and the release. Read from {@link WorkItemStore}; changed only
 * through its actions, each of which raises {@link #version()}.
 *
 * <p>Holds PHI (the patient, the draft, the reasons): {@link #toString()} names ids, codes and states only.
 *
 * @param workflow         e.g. {@code eligibility}, {@code denials}, {@code fax}, {@code prior-auth}, {@code refills}
 * @param mode             the workflow's operating mode when the item came in; decides what approval does
 * @param originalQueue    the queue it was in before escalation to {@link WorkQueue#SUPERVISOR}; null if never escalated
 * @param assignee         the person it is assigned to, or null for anyone in the queue
 * @param sourceMessageKey the inbound message it came from (e.g. an HL7v2 dedup key), or null
 * @param decision         null until decided
 * @param updatedBy        who made the last change: a user id, {@code medrelay} for the engine,
 *                         {@code system:task-sync} for a decision made in the EHR
 * @param escalatedAt      null unless escalated
 */
public record WorkItem(
        long id,
        WorkItemType type,
        String workflow,
        OperatingMode mode,
        PatientRef patient,
        WorkQueue queue,
        WorkQueue originalQueue,
        String assignee,
        Instant dueAt,
        WorkItemPriority priority,
        WorkItemStatus status,
        SuiteResult suiteResult,
        String sourceMessageKey,
        List<WorkItemLink> links,
        Decision decision,
        ReleaseState release,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy,
        Instant escalatedAt,
        long version) {

    public WorkItem {
        links = List.copyOf(links);
    }

    public Optional<Decision> decisionIfAny() {
        return Optional.ofNullable(decision);
    }

    /**
     * What approval releases: the person's edited draft when they edited it, else the suite's draft; a
     * classification-only result is released as its classification in plain text.
     */
    public Draft draftToRelease() {
        if (decision != null && decision.editedDraft() != null) {
            return decision.editedDraft();
        }
        if (suiteResult.draft() != null) {
            return suiteResult.draft();
        }
        return Draft.text(suiteResult.classification(), "text/plain");
    }

    @Override
    public String toString() {
        return "WorkItem[" + id + " v" + version + ", " + type + ", " + workflow + ", " + mode + ", " + status
                + ", " + queue + ", " + patient + "]";
    }
}
