package org.medrelay.mappings.x12.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One claim of an 835, 005010X221A1 loop 2100: CLP01 patient control number (the provider's claim id, CLM01 of
 * the 837), CLP02 claim status (1/2/3 processed as primary/secondary/tertiary, 4 denied, 22 reversal...), CLP03
 * billed, CLP04 paid, CLP05 patient responsibility, CLP06 claim filing indicator, CLP07 payer claim control
 * number; the patient (NM1*QC) and insured (NM1*IL); claim-level CAS; RARCs from MOA (MOA03-MOA07, outpatient)
 * or MIA (MIA05, MIA20-MIA23, inpatient); DTM*232/233 statement period and DTM*050 received date; the service
 * lines (loop 2110); the corrected patient/insured (NM1*74: the name and, NM108 C, the member id the payer has on
 * file) and corrected priority payer (NM1*PR: the payer that should have been billed) when the payer returns them.
 */
public record ClaimPayment(String patientControlNumber, String status, BigDecimal billed, BigDecimal paid,
                           Optional<BigDecimal> patientResponsibilityAmount, String filingIndicator,
                           String payerClaimControlNumber, Party patient, Party insured,
                           List<Adjustment> adjustments, List<String> remarkCodes,
                           Optional<LocalDate> statementFrom, Optional<LocalDate> statementTo,
                           Optional<LocalDate> received, List<ServiceLinePayment> lines,
                           Party correctedInsured, Party correctedPayer) {

    public ClaimPayment {
        adjustments = List.copyOf(adjustments);
        remarkCodes = List.copyOf(remarkCodes);
        lines = List.copyOf(lines);
    }

    /** A claim for which the payer returned no corrected insured or payer. */
    public ClaimPayment(String patientControlNumber, String status, BigDecimal billed, BigDecimal paid,
                        Optional<BigDecimal> patientResponsibilityAmount, String filingIndicator,
                        String payerClaimControlNumber, Party patient, Party insured,
                        List<Adjustment> adjustments, List<String> remarkCodes,
                        Optional<LocalDate> statementFrom, Optional<LocalDate> statementTo,
                        Optional<LocalDate> received, List<ServiceLinePayment> lines) {
        this(patientControlNumber, status, billed, paid, patientResponsibilityAmount, filingIndicator,
                payerClaimControlNumber, patient, insured, adjustments, remarkCodes, statementFrom, statementTo,
                received, lines, Party.NONE, Party.NONE);
    }

    /** Claim-level adjustments, then each line's. */
    public Stream<Adjustment> allAdjustments() {
        return Stream.concat(adjustments.stream(), lines.stream().flatMap(l -> l.adjustments().stream()));
    }

    /** CLP05 when sent; otherwise the sum of the PR adjustments, which is what CLP05 reports. */
    public BigDecimal patientResponsibility() {
        return patientResponsibilityAmount.orElseGet(() -> allAdjustments().filter(Adjustment::patientResponsibility)
                .map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** CLP02 4: denied. */
    public boolean denied() {
        return "4".equals(status);
    }

    /** CLP02 22: reversal of a previous payment. */
    public boolean reversal() {
        return "22".equals(status);
    }
}
