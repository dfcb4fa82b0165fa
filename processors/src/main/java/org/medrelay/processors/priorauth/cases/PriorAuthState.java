package org.medrelay.processors.priorauth.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a prior-authorization case stands. A case is drafted, waits for the clinician's signature, is submitted,
 * and the payer pends, approves or denies it; an approval expires, and a person may withdraw a case at any point
 * before a decision. Expired and withdrawn are the ends; a denied case stays open for its appeal.
 */
public enum PriorAuthState {
    DRAFT("draft"),
    AWAITING_SIGNATURE("awaiting-signature"),
    SUBMITTED("submitted"),
    PENDED("pended"),
    APPROVED("approved"),
    DENIED("denied"),
    EXPIRED("expired"),
    WITHDRAWN("withdrawn");

    private final String word;

    PriorAuthState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static PriorAuthState ofWord(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown prior-auth case state '" + word + "'; one of "
                        + Arrays.stream(values()).map(PriorAuthState::word).collect(Collectors.joining(", "))));
    }

    public boolean isOpen() {
        return this != EXPIRED && this != WITHDRAWN;
    }

    /** The states a case may move to from this one; anything else is refused, so a late answer never rewinds a case. */
    public Set<PriorAuthState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(AWAITING_SIGNATURE, WITHDRAWN);
            // the clinician sends a draft back with changes: it returns to draft
            case AWAITING_SIGNATURE -> EnumSet.of(DRAFT, SUBMITTED, WITHDRAWN);
            // a payer may decide at once, in the $submit response
            case SUBMITTED -> EnumSet.of(PENDED, APPROVED, DENIED, WITHDRAWN);
            // more information sent: the case is submitted again
            case PENDED -> EnumSet.of(SUBMITTED, APPROVED, DENIED, WITHDRAWN);
            // renewal: a new draft for the same order
            case APPROVED -> EnumSet.of(EXPIRED, DRAFT);
            // appeal: a corrected request
            case DENIED -> EnumSet.of(DRAFT, WITHDRAWN);
            case EXPIRED, WITHDRAWN -> EnumSet.noneOf(PriorAuthState.class);
        };
    }
}
