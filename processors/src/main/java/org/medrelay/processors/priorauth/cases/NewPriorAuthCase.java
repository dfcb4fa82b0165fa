package org.medrelay.processors.priorauth.cases;

import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.priorauth.PriorAuthDecision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A case to open for a decision that requires authorization: the patient (EHR reference and pseudonymous key), the
 * scheduled service date if known, and whether the request is expedited (the order is urgent: the payer owes a
 * decision in 72 hours rather than 7 days).
 */
public record NewPriorAuthCase(PriorAuthDecision decision, String patientReference, String patientKey,
                               LocalDate serviceDate, boolean expedited) {

    public NewPriorAuthCase {
        Objects.requireNonNull(decision, "decision");
        if (!decision.required()) {
            throw new IllegalArgumentException("order " + decision.order() + " needs no authorization: no case to open");
        }
        if (patientKey != null && !AuditEvent.isPseudonymousKey(patientKey)) {
            throw new IllegalArgumentException("patientKey must be a pseudonymous key (16 to 64 lower-case hex digits)");
        }
    }

    /** One case per order and service, whichever feed brings the order again. */
    String dedupKey() {
        return decision.order() + "|" + decision.service().system() + " " + decision.service().code();
    }
}
