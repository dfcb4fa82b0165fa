package org.medrelay.mappings.x12.remittance;

import java.time.LocalDate;
import java.util.Optional;

/** One entry of a CARC or RARC code list: the code, its description and the dates it is valid between. */
public record AdjustmentCode(String code, String description, LocalDate start, Optional<LocalDate> stop) {

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(start) && stop.map(s -> !date.isAfter(s)).orElse(true);
    }
}
