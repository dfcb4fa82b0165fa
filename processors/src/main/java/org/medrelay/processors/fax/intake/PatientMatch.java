package org.medrelay.processors.fax.intake;

import java.util.List;
import java.util.Optional;

/**
 * The EHR's answer to "whose fax is this": one clear match, or the candidates a person chooses from (best first;
 * none when the EHR knows nobody with the fax's name, birth date or identifiers).
 */
public record PatientMatch(Optional<MatchCandidate> clear, List<MatchCandidate> candidates) {

    public PatientMatch {
        candidates = List.copyOf(candidates);
    }

    /** {@code one clear match}, {@code ambiguous: 2 candidates}, {@code no patient found}. */
    public String describe() {
        if (clear.isPresent()) {
            return "one clear match";
        }
        return candidates.isEmpty() ? "no patient found" : "ambiguous: " + candidates.size() + " candidate(s)";
    }
}
