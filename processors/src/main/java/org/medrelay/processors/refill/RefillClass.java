package org.medrelay.processors.refill;

/** How a refill request was triaged, from least to most work; the code is what the CLI and work items say. */
public enum RefillClass {
    /** Every rule of the drug's protocol met: a one-click sign-off for the prescriber. */
    ROUTINE("routine"),
    /** The prescriber must look: a lab or blood pressure missing, no protocol, a controlled drug, Schedule II. */
    NEEDS_REVIEW("needs-review"),
    /** The patient has not seen the prescriber within the protocol's interval: a visit comes first. */
    NEEDS_VISIT("needs-visit");

    private final String code;

    RefillClass(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    RefillClass atLeast(RefillClass other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
