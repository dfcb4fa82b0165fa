package org.medrelay.processors.priorauth;

import org.hl7.fhir.r4.model.Bundle;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The seam to the X12 278 request writer (005010X217), which lives in mappings
 * ({@code org.medrelay.mappings.x12.priorauth}): an adapter implementing this interface, listed in
 * {@code META-INF/services/org.medrelay.processors.priorauth.X12PriorAuthRequestWriter}, turns a prior-auth case's
 * order into the 278 request text for the clearinghouse outbox. Until one is listed, x12-278 cases are drafted no
 * further and {@code medrelay priorauth draft} says so.
 */
public interface X12PriorAuthRequestWriter {

    /**
     * @param orders   the orders Bundle the decision was made from (Patient, Coverage, the order, its requester)
     * @param decision the decision that opened the case (order, service, payer)
     * @return the 278 request, one interchange
     */
    String write(Bundle orders, PriorAuthDecision decision);

    /** The writer listed on the classpath, if any. */
    static Optional<X12PriorAuthRequestWriter> installed() {
        return ServiceLoader.load(X12PriorAuthRequestWriter.class).findFirst();
    }
}
