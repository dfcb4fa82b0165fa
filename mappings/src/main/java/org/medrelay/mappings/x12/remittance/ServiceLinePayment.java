package org.medrelay.mappings.x12.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One service line of a claim payment, 005010X221A1 loop 2110: SVC01 the procedure as adjudicated (qualifier
 * such as HC for HCPCS/CPT, code and modifiers), SVC02 charge, SVC03 paid, SVC05 units paid; DTM*472 service
 * date (or DTM*150/151 a period); CAS service adjustments; REF*6R line item control number; AMT*B6 allowed
 * amount; LQ*HE remark codes (RARCs).
 */
public record ServiceLinePayment(String procedureQualifier, String procedureCode, List<String> modifiers,
                                 BigDecimal charge, BigDecimal paid, Optional<BigDecimal> units,
                                 Optional<LocalDate> serviceStart, Optional<LocalDate> serviceEnd,
                                 List<Adjustment> adjustments, List<String> remarkCodes,
                                 String lineControlNumber, Optional<BigDecimal> allowed) {

    public ServiceLinePayment {
        modifiers = List.copyOf(modifiers);
        adjustments = List.copyOf(adjustments);
        remarkCodes = List.copyOf(remarkCodes);
    }
}
