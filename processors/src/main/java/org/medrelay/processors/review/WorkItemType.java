package org.medrelay.processors.review;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What kind of work a work item asks for. The constants are the types the suite's workflows create; a new
 * workflow adds its own with {@link #of(String)}, without a change here. The code is also the FHIR Task code.
 *
 * @param code lower-case words joined by '-', e.g. {@code eligibility-gap}
 */
public record WorkItemType(String code) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Eligibility: coverage inactive, missing or not covering the visit (front desk). */
    public static final WorkItemType ELIGIBILITY_GAP = new WorkItemType("eligibility-gap");
    /** Denials: a denied claim line with its category and a draft appeal or corrected claim (billing). */
    public static final WorkItemType DENIAL_WORKUP = new WorkItemType("denial-workup");
    /** Faxes: an inbound fax classified and waiting to be filed or routed (records). */
    public static final WorkItemType FAX_TRIAGE = new WorkItemType("fax-triage");
    /** Prior authorization: a drafted request waiting for a clinician's approval. */
    public static final WorkItemType PRIOR_AUTH_DRAFT = new WorkItemType("prior-auth-draft");
    /** Refills: a refill request with a drafted response (clinician). */
    public static final WorkItemType REFILL_REQUEST = new WorkItemType("refill-request");
    /** Referrals: an inbound or outbound referral to schedule or complete. */
    public static final WorkItemType REFERRAL = new WorkItemType("referral");

    public WorkItemType {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches() || code.length() > 60) {
            throw new IllegalArgumentException("A work item type code is up to 60 lower-case letters, digits and"
                    + " single hyphens, e.g. eligibility-gap; was " + code);
        }
    }

    public static WorkItemType of(String code) {
        return new WorkItemType(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
