package org.medrelay.mappings.x12.claims;

/**
 * One line of {@code x12/remittance/claim-corrections.tsv}: what a CARC or RARC asks to change on the claim, where,
 * and whether {@link CorrectedClaimBuilder} can make the change itself.
 */
public record ClaimCorrection(Kind kind, String code, Change change, String where, String instruction) {

    public enum Kind { CARC, RARC }

    public enum Change {
        /** Write the 835's NM1*74 name and member id into 2010BA NM1*IL. */
        CORRECTED_INSURED,
        /** The claim belongs to the payer the 835's NM1*PR names: flagged, never changed on a replacement. */
        CORRECTED_PAYER,
        /** Not mechanical: the instruction goes to the biller. */
        FLAG
    }

    /** "CARC 140", "RARC M51": how the code is named in the changes and flags. */
    public String label() {
        return kind + " " + code;
    }
}
