package org.medrelay.mappings.x12.remittance;

import java.util.Arrays;

/**
 * What a billing team does about a claim of an 835. The words ({@link #word()}) are a contract: the rules table
 * and {@code medrelay denials} use exactly these. Declared in order of precedence: a claim with several
 * adjustments takes the category of the first one here (a duplicate is never resubmitted, whatever else it has;
 * a correction comes before an appeal; anything undecided comes before the routine outcomes).
 */
public enum DenialCategory {
    DUPLICATE("duplicate", "Do not resubmit: find the original claim's payment and reconcile against it."),
    TIMELY_FILING("timely-filing", "Appeal only with proof of timely filing; without it, write the balance off."),
    CORRECT_AND_RESUBMIT("correct-and-resubmit", "Correct the claim as the reason says and resubmit it."),
    APPEAL("appeal", "Appeal with the supporting documentation before the payer's appeal deadline."),
    NEEDS_REVIEW("needs-review", "Have a billing specialist review the remittance; the rules table could not decide."),
    WRITE_OFF("write-off", "Write off the adjusted balance; do not bill the patient for it."),
    PATIENT_RESPONSIBILITY("patient-responsibility", "Bill the patient the patient-responsibility amount."),
    PAID("paid", "Post the payment and the contractual adjustment; no follow-up.");

    private final String word;
    private final String action;

    DenialCategory(String word, String action) {
        this.word = word;
        this.action = action;
    }

    public String word() {
        return word;
    }

    /** What to do next, in words. */
    public String action() {
        return action;
    }

    public static DenialCategory ofWord(String word) {
        return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a denial category: '" + word + "'"));
    }
}
