package org.medrelay.processors.eligibility;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Type;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The coverage and visit a submitted intake form (FHIR QuestionnaireResponse) carries, by documented linkIds at any
 * depth (README "Eligibility", FHIR triggers): {@code coverage} a reference to a Coverage in the EHR, or the coverage
 * as answers ({@code coverage-payer-id}, {@code coverage-payer-name}, {@code coverage-member-id},
 * {@code coverage-relationship} self|spouse|child|other, and for a coverage not the patient's own
 * {@code subscriber-family}, {@code subscriber-given}, {@code subscriber-birth-date}, {@code subscriber-gender}); the
 * visit as {@code appointment} (a reference to an Appointment) or {@code visit-date}.
 */
final class IntakeFormCoverage {

    static final String RELATIONSHIP_SYSTEM = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";
    private final List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items = new ArrayList<>();

    IntakeFormCoverage(QuestionnaireResponse form) {
        collect(form.getItem());
    }

    private void collect(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> level) {
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : level) {
            items.add(item);
            collect(item.getItem());
            item.getAnswer().forEach(a -> collect(a.getItem()));
        }
    }

    Optional<Reference> reference(String linkId) {
        return answer(linkId).filter(Reference.class::isInstance).map(Reference.class::cast).filter(Reference::hasReference);
    }

    Optional<LocalDate> date(String linkId) {
        return answer(linkId).filter(t -> t instanceof DateType || t instanceof org.hl7.fhir.r4.model.DateTimeType)
                .map(t -> LocalDate.parse(t.primitiveValue().substring(0, 10)));
    }

    /** The coverage given as answers, with its subscriber when not the patient; empty without payer and member id. */
    Optional<Coverage> answeredCoverage(String patientReference) {
        Optional<String> payer = text("coverage-payer-id");
        Optional<String> member = text("coverage-member-id");
        if (payer.isEmpty() || member.isEmpty()) {
            return Optional.empty();
        }
        String relationship = text("coverage-relationship").map(r -> r.toLowerCase(Locale.ROOT)).orElse("self");
        Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setSubscriberId(member.get())
                .setBeneficiary(new Reference(patientReference))
                .setRelationship(new CodeableConcept(new Coding(RELATIONSHIP_SYSTEM, relationship, null)));
        coverage.addPayor(new Reference().setIdentifier(new Identifier().setValue(payer.get()))
                .setDisplay(text("coverage-payer-name").orElse(payer.get())));
        return Optional.of(coverage);
    }

    /** The subscriber given as answers, for a coverage not the patient's own. */
    Optional<RelatedPerson> answeredSubscriber() {
        Optional<String> family = text("subscriber-family");
        if (family.isEmpty()) {
            return Optional.empty();
        }
        RelatedPerson subscriber = new RelatedPerson();
        subscriber.addName().setFamily(family.get()).addGiven(text("subscriber-given").orElse(""));
        date("subscriber-birth-date").ifPresent(d -> subscriber.setBirthDateElement(new DateType(d.toString())));
        text("subscriber-gender").map(g -> g.toLowerCase(Locale.ROOT)).ifPresent(g ->
                subscriber.setGender(Enumerations.AdministrativeGender.fromCode(g)));
        return Optional.of(subscriber);
    }

    private Optional<String> text(String linkId) {
        return answer(linkId).map(t -> t instanceof Coding coding ? coding.getCode() : t.primitiveValue())
                .map(String::trim).filter(s -> !s.isEmpty());
    }

    private Optional<Type> answer(String linkId) {
        return items.stream().filter(i -> linkId.equals(i.getLinkId()) && i.hasAnswer())
                .map(i -> i.getAnswerFirstRep().getValue()).filter(v -> v != null).findFirst();
    }
}
