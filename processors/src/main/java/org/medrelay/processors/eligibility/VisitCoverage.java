package org.medrelay.processors.eligibility;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.medrelay.mappings.x12.EligibilityInquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What an eligibility check needs from a mapped message (HL7v2 SIU or ADT as a FHIR Bundle, or FHIR resources):
 * the patient as the 270's subscriber (2100C NM1, DMG), the Coverage's payer (2100A) and member id (NM109 MI), and
 * the visit's start (the Appointment's, else the Encounter's).
 */
final class VisitCoverage {

    private VisitCoverage() {
    }

    static <T extends Resource> Optional<T> first(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).findFirst();
    }

    /** The coverage's payer: Coverage.payor identifier value (IN1-3) and display (IN1-4). */
    static Optional<EligibilityInquiry.InformationSource> payer(Coverage coverage) {
        if (!coverage.hasPayor() || !coverage.getPayorFirstRep().getIdentifier().hasValue()) {
            return Optional.empty();
        }
        Identifier id = coverage.getPayorFirstRep().getIdentifier();
        String name = coverage.getPayorFirstRep().hasDisplay() ? coverage.getPayorFirstRep().getDisplay() : id.getValue();
        return Optional.of(new EligibilityInquiry.InformationSource(name, "PI", id.getValue()));
    }

    /** The patient as the coverage's subscriber, when the coverage is the patient's own (relationship self or not said). */
    static Optional<EligibilityInquiry.Subscriber> subscriber(Patient patient, Coverage coverage) {
        String relationship = coverage.getRelationship().getCodingFirstRep().getCode();
        if (relationship != null && !"self".equals(relationship) || !coverage.hasSubscriberId()
                || !patient.getNameFirstRep().hasFamily()) {
            return Optional.empty();
        }
        LocalDate birth = patient.hasBirthDate() ? patient.getBirthDateElement().getValueAsCalendar().toZonedDateTime().toLocalDate() : null;
        String gender = patient.getGender() == Enumerations.AdministrativeGender.MALE ? "M"
                : patient.getGender() == Enumerations.AdministrativeGender.FEMALE ? "F" : "U";
        return Optional.of(new EligibilityInquiry.Subscriber(patient.getNameFirstRep().getFamily().toUpperCase(java.util.Locale.ROOT),
                patient.getNameFirstRep().getGivenAsSingleString().toUpperCase(java.util.Locale.ROOT), coverage.getSubscriberId(), birth, gender));
    }

    /** The visit's start: Appointment.start, else Encounter.period.start, else empty. */
    static Optional<Instant> visitStart(Bundle bundle) {
        Optional<Instant> appointment = first(bundle, Appointment.class).filter(Appointment::hasStart).map(a -> a.getStart().toInstant());
        return appointment.isPresent() ? appointment
                : first(bundle, Encounter.class).filter(e -> e.getPeriod().hasStart()).map(e -> e.getPeriod().getStart().toInstant());
    }

    static LocalDate date(Instant start, ZoneId zone) {
        return start.atZone(zone).toLocalDate();
    }

    /** The Appointment is cancelled, a no-show, or entered in error (SIU S15-S17, S26, or a FHIR Appointment's status). */
    static boolean visitCancelled(Bundle bundle) {
        return first(bundle, Appointment.class).map(Appointment::getStatus).map(status -> switch (status) {
            case CANCELLED, NOSHOW, ENTEREDINERROR -> true;
            default -> false;
        }).orElse(false);
    }

    /** The appointment's key identifier (SCH-1, else SCH-2) as "system|value", or empty. */
    static Optional<String> appointmentId(Bundle bundle) {
        return first(bundle, Appointment.class).filter(Appointment::hasIdentifier)
                .map(a -> a.getIdentifierFirstRep().getSystem() + "|" + a.getIdentifierFirstRep().getValue());
    }
}
