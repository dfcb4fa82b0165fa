package org.medrelay.mappings.x12.priorauth;

import org.medrelay.mappings.x12.eligibility.RequestValidation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One 278 response (BHT02 11) as read: who answered (2010A UMO), for whom (2010B requester, 2010C subscriber,
 * 2010D dependent), the patient event review (2000E) and one review per service (2000F), and any AAA
 * rejections of the UMO, requester, subscriber or dependent levels.
 *
 * @param transactionControlNumber ST02
 * @param reference                BHT03, the requester's reference the response repeats
 * @param created                  BHT04
 */
public record PriorAuthResponse(String transactionControlNumber, String reference, Optional<LocalDate> created,
                                Party umo, Party requester, Party subscriber, Optional<Party> dependent,
                                ReviewLevel event, List<ReviewLevel> services, List<RequestValidation> rejections) {

    public PriorAuthResponse {
        services = List.copyOf(services);
        rejections = List.copyOf(rejections);
    }

    /** The requester's trace (2000E TRN*2), which matches the response to the request; else any trace sent. */
    public Optional<ReviewLevel.Trace> requestTrace() {
        List<ReviewLevel.Trace> traces = event.traceNumbers();
        return traces.stream().filter(t -> "2".equals(t.type())).findFirst().or(() -> traces.stream().findFirst());
    }

    /**
     * The decision of the request as a whole: the event's HCR, else the first service's (a response may decide
     * per service only).
     */
    public Optional<ReviewLevel> decision() {
        if (!event.actionCode().isEmpty()) {
            return Optional.of(event);
        }
        return services.stream().filter(s -> !s.actionCode().isEmpty()).findFirst();
    }

    /** The case state the decision moves the prior-auth case to; empty when no level carries an HCR. */
    public Optional<String> caseState() {
        return decision().flatMap(ReviewLevel::action).map(ReviewAction::caseState);
    }

    /** An NM1 of the response: last or organisation name, first name, NM108 qualifier and NM109 id. */
    public record Party(String name, String firstName, String idQualifier, String id) {
        public static final Party NONE = new Party("", "", "", "");
    }
}
