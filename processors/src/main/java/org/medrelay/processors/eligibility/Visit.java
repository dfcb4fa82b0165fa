package org.medrelay.processors.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The visit an eligibility check is for: its date, its X12 service type (EQ01/EB03, e.g. 98 office visit) and the
 * charge expected for it (the basis of the patient-responsibility estimate).
 */
public record Visit(LocalDate date, String serviceType, BigDecimal expectedCharge) {
}
