package org.medrelay.mappings.x12.remittance;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One reason-amount-quantity triple of a CAS segment (005010X221A1 loop 2100 claim adjustment, loop 2110
 * service adjustment): CAS01 group (CO contractual obligation, PR patient responsibility, OA other, PI payer
 * initiated; CR correction and reversal in 004010), the CARC, the amount and the optional quantity. A CAS
 * carries up to six triples; each becomes one Adjustment with the segment's group.
 */
public record Adjustment(String group, String carc, BigDecimal amount, Optional<BigDecimal> quantity) {

    /** "CO-45": how billing staff write a group code and CARC together. */
    public String code() {
        return group + "-" + carc;
    }

    public boolean patientResponsibility() {
        return "PR".equals(group);
    }
}
