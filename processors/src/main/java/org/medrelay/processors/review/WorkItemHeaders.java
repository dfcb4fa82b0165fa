package org.medrelay.processors.review;

/**
 * Camel message headers on a released draft and on an overdue notification. Ids, codes and the patient's
 * pseudonymous key only: an endpoint may route on them, and they may be logged.
 */
public final class WorkItemHeaders {

    /** The work item id; an endpoint that must not see a draft twice deduplicates on it. */
    public static final String WORK_ITEM_ID = "MedRelayWorkItemId";
    /** The workflow, e.g. {@code prior-auth}. */
    public static final String WORKFLOW = "MedRelayWorkflow";
    /** The work item type code, e.g. {@code prior-auth-draft}. */
    public static final String WORK_ITEM_TYPE = "MedRelayWorkItemType";
    /** The queue the item is in, e.g. {@code SUPERVISOR} on an escalation. */
    public static final String WORK_QUEUE = "MedRelayWorkQueue";
    /** How the released draft was decided: {@code APPROVED_AS_IS}, {@code EDITED} or {@code AUTO_RELEASED}. */
    public static final String DECISION = "MedRelayDecision";
    /** The patient's pseudonymous key (never the MRN or the FHIR id). */
    public static final String PATIENT_KEY = "MedRelayPatientKey";

    private WorkItemHeaders() {
    }
}
