package org.medrelay.mappings.x12.priorauth;

import java.util.Arrays;
import java.util.Optional;

/**
 * HCR01 action code of a 278 response (005010X217, data element 306), and the prior-auth case state it moves a
 * case to: A1 approved, A3 denied, A4 pended (as issue 8 has it for PAS reviewAction and X12 alike).
 */
public enum ReviewAction {
    CERTIFIED_IN_TOTAL("A1", "Certified in total", "approved"),
    CERTIFIED_PARTIAL("A2", "Certified - partial", "approved"),
    NOT_CERTIFIED("A3", "Not certified", "denied"),
    PENDED("A4", "Pended", "pended"),
    MODIFIED("A6", "Modified", "approved"),
    CANCELLED("C", "Cancelled", "withdrawn"),
    CONTACT_PAYER("CT", "Contact payer", "pended"),
    NO_ACTION_REQUIRED("NA", "No action required", "not-required");

    private final String code;
    private final String display;
    private final String caseState;

    ReviewAction(String code, String display, String caseState) {
        this.code = code;
        this.display = display;
        this.caseState = caseState;
    }

    public String code() {
        return code;
    }

    /** The guide's name of the code, as the X12 code system 306 displays it. */
    public String display() {
        return display;
    }

    /**
     * The state of the prior-auth case this decision leaves it in: approved (A1, A2, A6: an authorization number was
     * issued, for all or part of what was asked), denied (A3), pended (A4; CT: the payer wants a call), withdrawn
     * (C), not-required (NA: the UMO says no review was needed).
     */
    public String caseState() {
        return caseState;
    }

    public static Optional<ReviewAction> of(String hcr01) {
        return Arrays.stream(values()).filter(action -> action.code.equals(hcr01)).findFirst();
    }
}
