package org.medrelay.processors.eligibility;

/** The coverage gaps the front desk is told about before a visit, each with what to ask the patient. */
public enum GapKind {
    MEMBER_NOT_FOUND("Ask for the insurance card: the member id exactly as printed, the subscriber's name and date of birth."),
    REQUEST_REJECTED("Check the request with the clearinghouse; ask the patient to confirm their insurance details."),
    COVERAGE_INACTIVE("Ask whether the patient has new or other insurance; otherwise discuss self-pay before the visit."),
    COVERAGE_ENDS_BEFORE_VISIT("Ask for the coverage that applies on the visit date, or discuss self-pay."),
    PLAN_NOT_ACCEPTED("Tell the patient the practice does not take this plan; ask for other coverage or discuss out-of-network/self-pay."),
    SERVICE_NOT_COVERED("Tell the patient the plan does not cover this service; ask for other coverage or agree the cost before the visit."),
    PRIOR_AUTHORIZATION_REQUIRED("Ask for the referral or authorization number, or start the prior authorization before the visit."),
    HIGH_DEDUCTIBLE("Tell the patient the estimated amount due and ask how they want to pay (card on file, payment plan).");

    private final String askPatient;

    GapKind(String askPatient) {
        this.askPatient = askPatient;
    }

    public String askPatient() {
        return askPatient;
    }

    /** As in work item classifications: {@code prior-authorization-required}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
