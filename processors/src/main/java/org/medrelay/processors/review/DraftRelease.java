package org.medrelay.processors.review;

/**
 * Delivers an approved draft to its workflow's endpoint: an SFTP outbox for an X12 file, the EHR for a FHIR
 * resource, a fax gateway. The engine's implementation sends to the Camel endpoint configured per workflow
 * ({@code medrelay.workflow.<name>.release-uri}).
 *
 * <p>Delivery is at least once: if the engine stops between the endpoint taking a draft and the store recording
 * it, the draft is released again. Endpoints that must not see a draft twice deduplicate on the work item id.
 */
public interface DraftRelease {

    /**
     * Returns only once the endpoint has taken the draft.
     *
     * @param draft what to release: the person's edited version if they edited it, else the suite's
     * @throws DraftReleaseException the endpoint did not take it; the item stays approved and is retried
     */
    void release(WorkItem item, Draft draft) throws DraftReleaseException;
}
