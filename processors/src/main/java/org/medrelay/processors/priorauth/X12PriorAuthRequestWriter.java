package org.medrelay.processors.priorauth;

import org.hl7.fhir.r4.model.Bundle;

/**
 * Writes a prior-auth case's order as the X12 278 request (005010X217) for the clearinghouse outbox. The engine and
 * {@code medrelay priorauth draft} use {@code org.medrelay.processors.priorauth.x12.Clearinghouse278Writer}, built
 * from the eligibility trading-partner settings and the store's control numbers.
 */
public interface X12PriorAuthRequestWriter {

    /**
     * @param orders      the orders Bundle the decision was made from (Patient, Coverage, the order, its requester)
     * @param decision    the decision that opened the case (order, service, payer)
     * @param traceNumber TRN02: the payer's 278 response carries it back (2000E TRN*2), which is how it finds its case
     * @return the 278 request, one interchange
     * @throws IllegalArgumentException the orders lack what a 278 requires (a diagnosis, the member id...), named
     */
    String write(Bundle orders, PriorAuthDecision decision, String traceNumber);
}
