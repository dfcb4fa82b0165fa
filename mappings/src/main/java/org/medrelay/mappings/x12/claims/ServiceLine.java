package org.medrelay.mappings.x12.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One service line of a claim, loop 2400: LX01 line number; SV1 (837P) or SV2 (837I) procedure qualifier (HC
 * HCPCS/CPT...), code and modifiers (SV101-3..6 or SV202-3..6), SV203 charge, unit basis (UN units, MJ minutes, DA
 * days) and quantity; SV201 the revenue code of an institutional line (empty on a professional one); DTP*472 the
 * service date (the first day of an RD8 range).
 */
public record ServiceLine(int number, String revenueCode, String procedureQualifier, String procedureCode,
                          List<String> modifiers, BigDecimal charge, String unitBasis, Optional<BigDecimal> units,
                          Optional<LocalDate> serviceDate) {

    public ServiceLine {
        modifiers = List.copyOf(modifiers);
    }
}
