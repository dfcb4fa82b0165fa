package org.medrelay.processors.eligibility;

/**
 * One reason a visit's coverage needs the front desk, in words, and what to ask the patient.
 *
 * @param reason why, naming the 271's codes (e.g. "the payer answered AAA 72 Invalid/Missing Subscriber/Insured ID")
 */
public record CoverageGap(GapKind kind, String reason, String askPatient) {

    static CoverageGap of(GapKind kind, String reason) {
        return new CoverageGap(kind, reason, kind.askPatient());
    }
}
