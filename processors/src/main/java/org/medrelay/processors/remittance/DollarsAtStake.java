package org.medrelay.processors.remittance;

import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.DenialCategory;

import java.math.BigDecimal;

/**
 * What a claim's follow-up is worth: for a claim to bill the patient, the patient-responsibility amount; for a paid
 * or written-off claim nothing; for every other category the part of the charge neither the payer paid nor the patient owes
 * (CLP03 - CLP04 - CLP05, never below zero), which correcting, appealing or reviewing could still recover. A paid or
 * written-off claim has no follow-up: nothing at stake.
 */
public final class DollarsAtStake {

    private DollarsAtStake() {
    }

    public static BigDecimal of(ClaimPayment claim, DenialCategory category) {
        return switch (category) {
            case PAID, WRITE_OFF -> BigDecimal.ZERO;
            case PATIENT_RESPONSIBILITY -> claim.patientResponsibility().max(BigDecimal.ZERO);
            default -> claim.billed().subtract(claim.paid()).subtract(claim.patientResponsibility()).max(BigDecimal.ZERO);
        };
    }
}
