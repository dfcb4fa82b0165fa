package org.medrelay.processors.review;

import java.time.Instant;
import java.util.Objects;

/**
 * The final decision on a work item, kept beside the suite's result (never replacing it).
 *
 * @param decidedBy   the person's user id; {@code medrelay} for {@link DecisionKind#AUTO_RELEASED}; {@code ehr} when
 *                    it came from the EHR's Task
 * @param reason      why it was rejected (required for {@link DecisionKind#REJECTED}), else null
 * @param editedDraft the person's version (for {@link DecisionKind#EDITED}), else null; the original stays in
 *                    the suite result
 */
public record Decision(DecisionKind kind, String decidedBy, Instant decidedAt, String reason, Draft editedDraft) {

    public Decision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    @Override
    public String toString() {
        return "Decision[" + kind + " by " + decidedBy + " at " + decidedAt + "]";
    }
}
