package org.medrelay.processors.remittance;

import org.medrelay.mappings.x12.remittance.Adjustment;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.DenialDecision;
import org.medrelay.mappings.x12.remittance.RemittanceAdvice;
import org.medrelay.mappings.x12.remittance.ServiceLinePayment;
import org.medrelay.processors.review.PatientRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything billing staff need to act on one claim of an 835: the remittance (payer, payment, trace), the claim, its
 * category and reason, the date it was decided on (BPR16, else the day the file came in), the payer's appeal deadline,
 * the dollars at stake, the ExplanationOfBenefit written and the patient in the EHR. Holds PHI: never logged.
 *
 * @param claimIndex the claim's position in the file, from 1
 */
public record ClaimFollowUp(long fileId, String fileName, int claimIndex, RemittanceAdvice advice, String payerId,
                            ClaimPayment claim, DenialDecision decision, LocalDate decidedOn, LocalDate appealDeadline,
                            BigDecimal atStake, String explanationOfBenefit, PatientRef patient) {

    /** Claim-level adjustments, then each line's, in file order. */
    public List<Adjustment> adjustments() {
        return claim.allAdjustments().toList();
    }

    /** The claim's remark codes (MOA/MIA), then each line's (LQ), without repeats. */
    public List<String> remarkCodes() {
        Set<String> codes = new LinkedHashSet<>(claim.remarkCodes());
        claim.lines().forEach(l -> codes.addAll(l.remarkCodes()));
        return new ArrayList<>(codes);
    }

    /** The first date of service: statement start, else the first line's. */
    public Optional<LocalDate> serviceFrom() {
        return claim.statementFrom().or(() -> claim.lines().stream().map(ServiceLinePayment::serviceStart)
                .flatMap(Optional::stream).min(LocalDate::compareTo));
    }

    /** The last date of service: statement end, else the latest line's. */
    public Optional<LocalDate> serviceTo() {
        return claim.statementTo().or(() -> claim.lines().stream()
                .map(l -> l.serviceEnd().or(l::serviceStart)).flatMap(Optional::stream).max(LocalDate::compareTo))
                .or(this::serviceFrom);
    }

    /** Where the work item's source points: the file and the claim's position in it. */
    public String sourceKey() {
        return "remittance-file/" + fileId + "#" + claimIndex;
    }
}
