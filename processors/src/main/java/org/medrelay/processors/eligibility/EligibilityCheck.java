package org.medrelay.processors.eligibility;

import org.medrelay.mappings.x12.EligibilityInquiry;

import java.time.Instant;
import java.util.Objects;

/**
 * An eligibility check to run before a visit: who (the patient's pseudonymous key and EHR reference), which coverage
 * (payer and subscriber as the 270 names them), which visit, when it is due, and whether a person asked for it again
 * (a check asked again is sent even when one for the same patient, payer and date exists). Holds PHI: never logged;
 * {@link #toString()} names only the key and the date.
 *
 * @param appointmentKey   keyed hash of the appointment's id, or null for a registration without an appointment
 * @param sourceMessageKey the message it came from (HL7 dedup key), or null
 * @param dependent        the patient, when the coverage is someone else's (the subscriber's): 2000D/2100D; else null
 */
public record EligibilityCheck(String patientKey, String patientReference, String appointmentKey, String sourceMessageKey,
                               EligibilityInquiry.InformationSource payer, EligibilityInquiry.Subscriber subscriber,
                               Visit visit, Instant dueAt, boolean askedAgain, EligibilityInquiry.Dependent dependent) {

    /** A check of the patient's own coverage: the patient is the subscriber. */
    public EligibilityCheck(String patientKey, String patientReference, String appointmentKey, String sourceMessageKey,
                            EligibilityInquiry.InformationSource payer, EligibilityInquiry.Subscriber subscriber,
                            Visit visit, Instant dueAt, boolean askedAgain) {
        this(patientKey, patientReference, appointmentKey, sourceMessageKey, payer, subscriber, visit, dueAt, askedAgain, null);
    }

    /** The same check, asked again or due at another time. */
    EligibilityCheck with(Instant due, boolean asked) {
        return new EligibilityCheck(patientKey, patientReference, appointmentKey, sourceMessageKey, payer, subscriber, visit, due,
                asked, dependent);
    }

    public EligibilityCheck {
        Objects.requireNonNull(patientKey, "patientKey");
        Objects.requireNonNull(patientReference, "patientReference");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** One counting check per patient, payer and date of service. */
    String dedupKey() {
        return patientKey + "|" + payer.id() + "|" + visit.date();
    }

    @Override
    public String toString() {
        return "EligibilityCheck[patient " + patientKey + ", visit " + visit.date() + ", payer " + payer.id() + "]";
    }
}
