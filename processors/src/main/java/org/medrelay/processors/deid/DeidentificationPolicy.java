package org.medrelay.processors.deid;

import java.time.Clock;
import java.time.Year;

/**
 * The choices a deployment makes. Safe Harbor protects the patient, relatives, employers and
 * household members; practitioners are not among them, but their names are redacted by default too,
 * because free text cannot tell "Dr. Lee" the physician from Dr. Lee the patient's daughter.
 *
 * @param redactPractitionerNames replace practitioner names and their ids as well (HL7v2 XCN
 *                                fields, FHIR Practitioner, X12 provider persons)
 * @param clock                   gives the reference year for ages over 89
 */
public record DeidentificationPolicy(boolean redactPractitionerNames, Clock clock) {

    /** Every Safe Harbor identifier, practitioner names included, ages against today's year. */
    public static DeidentificationPolicy safeHarbor() {
        return new DeidentificationPolicy(true, Clock.systemUTC());
    }

    public DeidentificationPolicy withPractitionerNamesKept() {
        return new DeidentificationPolicy(false, clock);
    }

    public DeidentificationPolicy withClock(Clock other) {
        return new DeidentificationPolicy(redactPractitionerNames, other);
    }

    int referenceYear() {
        return Year.now(clock).getValue();
    }
}
