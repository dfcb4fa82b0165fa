package org.medrelay.processors.remittance;

import org.medrelay.processors.review.Draft;

import java.util.List;
import java.util.Optional;

/**
 * What a correct-and-resubmit item gets from the claims on file: the corrected claim (an 837 replacement) when one
 * could be built, and notes for the biller in words: each change made, each thing the denial asks that must be done by
 * hand, or why no claim was drafted. {@code complete} is true when the denial asked nothing a person must still do.
 * Holds PHI (claim numbers): never logged.
 */
public record CorrectedClaimDraft(Optional<Draft> draft, List<String> notes, boolean complete) {

    public static final CorrectedClaimDraft NONE = new CorrectedClaimDraft(Optional.empty(), List.of(), false);

    public CorrectedClaimDraft {
        notes = List.copyOf(notes);
    }

    /** No corrected claim, and why, for the biller. */
    public static CorrectedClaimDraft notDrafted(String why) {
        return new CorrectedClaimDraft(Optional.empty(), List.of("corrected claim not drafted: " + why), false);
    }
}
