package org.medrelay.processors.referral;

/** Where an inbound referral goes after triage. */
public enum ReferralOutcome {
    /** Meets the intake rules: a scheduling work item with its priority. */
    SCHEDULE("schedule"),
    /** Offered and covered, but a required document (or the coverage) is missing: a request to the referring provider. */
    MISSING_INFORMATION("missing-information"),
    /** A specialty the practice does not offer, or a plan it does not accept: a reply to the referring provider. */
    NOT_ACCEPTED("not-accepted");

    private final String code;

    ReferralOutcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
