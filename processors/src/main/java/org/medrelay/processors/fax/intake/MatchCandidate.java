package org.medrelay.processors.fax.intake;

import org.medrelay.processors.review.PatientRef;

import java.util.List;

/**
 * A Patient of the EHR a fax may be about, with its match score (0 to 1) and what agreed: {@code mrn},
 * {@code member id}, {@code birth date}, {@code family name}, {@code given name}.
 */
public record MatchCandidate(PatientRef patient, double score, List<String> agreed) {

    public MatchCandidate {
        agreed = List.copyOf(agreed);
    }

    /** For the person choosing: {@code Patient/12: 0.80 (member id, birth date)}; no name or identifier in it. */
    public String describe() {
        return patient.reference() + ": " + String.format(java.util.Locale.ROOT, "%.2f", score) + " (" + String.join(", ", agreed) + ")";
    }
}
