package org.medrelay.processors.priorauth.cases;

import org.medrelay.processors.priorauth.SubmissionChannel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One ordered service that needs the payer's authorization, as the store holds it (table prior_auth_case, V12).
 *
 * @param patientKey    the patient's pseudonymous key (for audit entries), or null
 * @param rule          the requirements-table line that opened the case
 * @param authorization what the payer granted, once approved; else null
 */
public record PriorAuthCase(long id, String order, String patientKey, String patientReference, String payerId,
                            String planId, String serviceSystem, String serviceCode, SubmissionChannel channel,
                            String rule, String reason, PriorAuthState state, boolean expedited, LocalDate serviceDate,
                            Instant submittedAt, Instant decisionDueAt, String payerReference,
                            Authorization authorization, Instant appealDueAt, Long signOffWorkItem, Instant createdAt,
                            Instant updatedAt, long version) {

    /**
     * The soonest deadline that still matters in the case's state: the payer's decision due date while submitted or
     * pended, the appeal's while denied, the authorization's expiry once approved; the service date always, as a
     * case not decided by then delays care.
     */
    public Optional<Deadline> nextDeadline() {
        List<Deadline> candidates = new ArrayList<>();
        if (serviceDate != null && state != PriorAuthState.APPROVED && state.isOpen()) {
            candidates.add(new Deadline(startOfDay(serviceDate), Deadline.Kind.SERVICE_DATE));
        }
        if ((state == PriorAuthState.SUBMITTED || state == PriorAuthState.PENDED) && decisionDueAt != null) {
            candidates.add(new Deadline(decisionDueAt, Deadline.Kind.PAYER_DECISION_DUE));
        }
        if (state == PriorAuthState.DENIED && appealDueAt != null) {
            candidates.add(new Deadline(appealDueAt, Deadline.Kind.APPEAL_DUE));
        }
        if (state == PriorAuthState.APPROVED && authorization != null && authorization.end() != null) {
            // an authorization is good through its last day
            candidates.add(new Deadline(startOfDay(authorization.end().plusDays(1)), Deadline.Kind.AUTHORIZATION_EXPIRY));
        }
        return candidates.stream().min(Comparator.comparing(Deadline::at));
    }

    static Instant startOfDay(LocalDate date) {
        return date.atTime(LocalTime.MIDNIGHT).toInstant(ZoneOffset.UTC);
    }

    /** What the payer granted: the authorization number, the units and the dates it covers (either may be open). */
    public record Authorization(String number, Integer units, LocalDate start, LocalDate end) {
    }

    public record Deadline(Instant at, Kind kind) {
        public enum Kind {
            SERVICE_DATE("service-date"), PAYER_DECISION_DUE("payer-decision-due"), APPEAL_DUE("appeal-due"),
            AUTHORIZATION_EXPIRY("authorization-expiry");

            private final String word;

            Kind(String word) {
                this.word = word;
            }

            public String word() {
                return word;
            }
        }
    }
}
