package org.medrelay.processors.referral;

import org.medrelay.processors.review.WorkItemPriority;

import java.util.List;

/**
 * A triaged inbound referral.
 *
 * @param specialty the offered specialty's code it was matched to, or what it asked for when not offered (may be null)
 * @param missing   the required documents (or {@code coverage}) it lacks
 * @param reasons   what decided it, in words a person checks (may name clinical words: never logged)
 */
public record ReferralDecision(ReferralOutcome outcome, WorkItemPriority priority, String specialty, List<String> missing,
                               List<String> reasons) {

    public ReferralDecision {
        missing = List.copyOf(missing);
        reasons = List.copyOf(reasons);
    }
}
