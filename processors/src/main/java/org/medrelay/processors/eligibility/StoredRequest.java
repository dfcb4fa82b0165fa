package org.medrelay.processors.eligibility;

/**
 * An eligibility request as the store holds it.
 *
 * @param interchangeControlNumber the ISA13 of the 270 interchange it was sent in, or null before it is sent
 * @param transactionControlNumber the ST02 of that 270, or null before it is sent
 */
public record StoredRequest(long id, String traceNumber, RequestStatus status, String coverageKey, EligibilityCheck check,
                            String interchangeControlNumber, String transactionControlNumber) {

    @Override
    public String toString() {
        return "eligibility-request/" + id;
    }
}
