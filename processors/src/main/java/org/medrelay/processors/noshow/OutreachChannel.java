package org.medrelay.processors.noshow;

import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a patient is reached, by their preference in the FHIR Patient: the contact point they ranked first
 * (ContactPoint.rank, 1 = most preferred); with no ranks, a mobile phone (text message), else email, else another
 * phone (a call), else a letter to the address on file. A mobile phone is texted, any other phone is called.
 */
public enum OutreachChannel {
    SMS, EMAIL, PHONE, LETTER, NONE;

    public String code() {
        return name().toLowerCase();
    }

    public static OutreachChannel preferred(Patient patient) {
        List<ContactPoint> usable = patient.getTelecom().stream().filter(ContactPoint::hasValue)
                .filter(t -> channel(t).isPresent()).toList();
        Optional<ContactPoint> ranked = usable.stream().filter(ContactPoint::hasRank).min(Comparator.comparingInt(ContactPoint::getRank));
        if (ranked.isPresent()) {
            return channel(ranked.get()).orElseThrow();
        }
        for (OutreachChannel wanted : List.of(SMS, EMAIL, PHONE)) {
            if (usable.stream().anyMatch(t -> channel(t).orElseThrow() == wanted)) {
                return wanted;
            }
        }
        return patient.hasAddress() ? LETTER : NONE;
    }

    private static Optional<OutreachChannel> channel(ContactPoint point) {
        if (!point.hasSystem()) {
            return Optional.empty();
        }
        return switch (point.getSystem()) {
            case SMS -> Optional.of(SMS);
            case EMAIL -> Optional.of(EMAIL);
            case PHONE -> Optional.of(point.getUse() == ContactPoint.ContactPointUse.MOBILE ? SMS : PHONE);
            default -> Optional.empty();
        };
    }
}
