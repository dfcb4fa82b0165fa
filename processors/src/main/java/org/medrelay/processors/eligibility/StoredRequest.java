package org.medrelay.processors.eligibility;

/**
 * An eligibility request as the store holds it.
 *
 * @param interchangeControlNumber the ISA13 of the 270 interchange it was sent in, or null before it is sent
 * @param transactionControlNumber the ST02 of that 270, or null before it is sent
 * @param visitCancelled           the visit was cancelled after the 270 went out: its 271 raises no gap item
 */
public record StoredRequest(long id, String traceNumber, RequestStatus status, String coverageKey, EligibilityCheck check,
                            String interchangeControlNumber, String transactionControlNumber, boolean visitCancelled) {

    /** Its visit will not happen: cancelled after it was sent, or while it was being sent. */
    public boolean forCancelledVisit() {
        return visitCancelled || status == RequestStatus.CANCELLED;
    }

    @Override
    public String toString() {
        return "eligibility-request/" + id;
    }
}
