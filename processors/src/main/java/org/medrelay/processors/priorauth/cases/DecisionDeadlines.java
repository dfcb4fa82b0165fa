package org.medrelay.processors.priorauth.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * When the payer owes a decision. CMS-0057-F (Interoperability and Prior Authorization final rule, effective for
 * decisions from January 2026): 72 hours for expedited (urgent) requests, 7 calendar days for standard requests,
 * counted from the payer's receipt, which MedRelay takes to be the submission it recorded.
 */
public record DecisionDeadlines(Duration expedited, Duration standard) {

    public static final DecisionDeadlines CMS_0057_F = new DecisionDeadlines(Duration.ofHours(72), Duration.ofDays(7));

    public Instant dueAt(Instant submittedAt, boolean isExpedited) {
        return submittedAt.plus(isExpedited ? expedited : standard);
    }
}
