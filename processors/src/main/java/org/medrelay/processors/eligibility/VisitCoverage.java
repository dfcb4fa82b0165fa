package org.medrelay.processors.eligibility;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.medrelay.mappings.x12.EligibilityInquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What an eligibility check needs from a mapped message (HL7v2 SIU or ADT as a FHIR Bundle, or FHIR resources):
 * the patient as the 270's subscriber (2100C NM1, DMG) or, on someone else's coverage, as the dependent (2100D) of
 * the coverage's subscriber, the Coverage's payer (2100A) and member id (NM109 MI), and
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

    /** Whether the coverage is the patient's own: relationship self, or not said. */
    static boolean patientIsSubscriber(Coverage coverage) {
        String relationship = coverage.getRelationship().getCodingFirstRep().getCode();
        return relationship == null || "self".equals(relationship);
    }

    /**
     * Who the 270 names: the patient as the subscriber (2100C) when the coverage is the patient's own; else the
     * coverage's subscriber (a RelatedPerson or Patient, given by the caller) in 2100C with the member id, and the
     * patient as the dependent (2100D) with the relationship as INS02.
     *
     * @param subscriber the Coverage.subscriber resource, when the patient is not the subscriber
     */
    static Optional<Parties> parties(Patient patient, Coverage coverage, Optional<? extends DomainResource> subscriber) {
        if (!coverage.hasSubscriberId() || !patient.getNameFirstRep().hasFamily()) {
            return Optional.empty();
        }
        if (patientIsSubscriber(coverage)) {
            return Optional.of(new Parties(asSubscriber(person(patient), coverage.getSubscriberId()), Optional.empty()));
        }
        Optional<Person> insured = subscriber.map(VisitCoverage::person).filter(p -> p.name().hasFamily());
        if (insured.isEmpty()) {
            return Optional.empty();
        }
        Person dependent = person(patient);
        return Optional.of(new Parties(asSubscriber(insured.get(), coverage.getSubscriberId()), Optional.of(
                new EligibilityInquiry.Dependent(upper(dependent.name().getFamily()), upper(dependent.name().getGivenAsSingleString()),
                        dependent.birthDate(), dependent.gender(), insuranceRelationship(coverage)))));
    }

    /** The 270's people: 2100C, and 2100D when the patient is a dependent. */
    record Parties(EligibilityInquiry.Subscriber subscriber, Optional<EligibilityInquiry.Dependent> dependent) {
    }

    /** 005010X279A1 2100D INS02 from Coverage.relationship: 01 spouse, 19 child, 34 any other adult. */
    static String insuranceRelationship(Coverage coverage) {
        String relationship = coverage.getRelationship().getCodingFirstRep().getCode();
        return switch (relationship == null ? "" : relationship) {
            case "spouse", "common" -> "01";
            case "child" -> "19";
            default -> "34";
        };
    }

    private record Person(HumanName name, LocalDate birthDate, String gender) {
    }

    private static Person person(DomainResource resource) {
        if (resource instanceof RelatedPerson related) {
            return new Person(related.getNameFirstRep(), date(related.getBirthDateElement()), gender(related.getGender()));
        }
        Patient patient = (Patient) resource;
        return new Person(patient.getNameFirstRep(), date(patient.getBirthDateElement()), gender(patient.getGender()));
    }

    private static EligibilityInquiry.Subscriber asSubscriber(Person person, String memberId) {
        return new EligibilityInquiry.Subscriber(upper(person.name().getFamily()), upper(person.name().getGivenAsSingleString()),
                memberId, person.birthDate(), person.gender());
    }

    private static LocalDate date(DateType birthDate) {
        return birthDate.getValue() == null ? null : birthDate.getValueAsCalendar().toZonedDateTime().toLocalDate();
    }

    private static String gender(Enumerations.AdministrativeGender gender) {
        return gender == Enumerations.AdministrativeGender.MALE ? "M" : gender == Enumerations.AdministrativeGender.FEMALE ? "F" : "U";
    }

    private static String upper(String text) {
        return text == null ? "" : text.toUpperCase(java.util.Locale.ROOT);
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
