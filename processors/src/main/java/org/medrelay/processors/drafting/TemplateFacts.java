package org.medrelay.processors.drafting;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values a template may use, read from one patient's context: {@code patient}, {@code coverage},
 * {@code claim}, {@code denial}, {@code service}, {@code appointment}, {@code conditions} and {@code request}. Only values the
 * context has are put in, so a template asking for one it lacks gets it reported as missing, not a blank.
 * Every value is a string (dates as ISO yyyy-MM-dd): what a template prints does not depend on locale or zone.
 */
final class TemplateFacts {

    private static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private TemplateFacts() {
    }

    static Map<String, Object> of(DraftRequest request) {
        PatientContext context = request.context();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("patient", patient(context.patientResource()));
        context.resourcesOf(Coverage.class).stream().findFirst()
                .ifPresent(c -> facts.put("coverage", coverage(c, context.resourcesOf(Organization.class))));
        context.resourcesOf(Claim.class).stream().findFirst().ifPresent(c -> facts.put("claim", claim(c)));
        context.resourcesOf(ClaimResponse.class).stream().findFirst().ifPresent(r -> facts.put("denial", denial(r)));
        context.resourcesOf(ServiceRequest.class).stream().findFirst().ifPresent(s -> facts.put("service", service(s)));
        context.resourcesOf(Appointment.class).stream().findFirst().ifPresent(a -> facts.put("appointment", appointment(a)));
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (Condition condition : context.resourcesOf(Condition.class)) {
            conditions.add(coded(condition.getCode()));
        }
        facts.put("conditions", conditions);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("kind", request.kind().code());
        about.put("date", request.date().toString());
        put(about, "instructions", request.instructions());
        facts.put("request", about);
        return facts;
    }

    private static Map<String, Object> patient(Patient patient) {
        Map<String, Object> values = new LinkedHashMap<>();
        HumanName name = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
                .findFirst().orElse(patient.getNameFirstRep());
        put(values, "given", String.join(" ", name.getGiven().stream().map(Object::toString).toList()));
        put(values, "family", name.getFamily());
        put(values, "name", (name.getGivenAsSingleString() + " " + Objects.toString(name.getFamily(), "")).strip());
        put(values, "birthDate", patient.getBirthDateElement().getValueAsString());
        put(values, "gender", patient.hasGender() ? patient.getGender().toCode() : null);
        put(values, "mrn", identifierOfType(patient.getIdentifier(), "MR"));
        if (patient.hasAddress()) {
            put(values, "address", addressLine(patient.getAddressFirstRep()));
        }
        patient.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                .findFirst().ifPresent(t -> put(values, "phone", t.getValue()));
        return values;
    }

    private static Map<String, Object> coverage(Coverage coverage, List<Organization> organizations) {
        Map<String, Object> values = new LinkedHashMap<>();
        String memberId = coverage.getSubscriberId();
        put(values, "memberId", memberId != null ? memberId : identifierOfType(coverage.getIdentifier(), "MB"));
        put(values, "status", coverage.hasStatus() ? coverage.getStatus().toCode() : null);
        if (coverage.hasPayor()) {
            put(values, "payer", display(coverage.getPayorFirstRep(), organizations));
        }
        coverage.getClass_().stream().filter(c -> c.getType().hasCoding()
                && "plan".equals(c.getType().getCodingFirstRep().getCode())).findFirst()
                .ifPresent(c -> put(values, "plan", c.hasName() ? c.getName() : c.getValue()));
        if (coverage.hasPeriod()) {
            put(values, "start", coverage.getPeriod().getStartElement().getValueAsString());
            put(values, "end", coverage.getPeriod().getEndElement().getValueAsString());
        }
        return values;
    }

    private static Map<String, Object> claim(Claim claim) {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "number", claim.hasIdentifier() ? claim.getIdentifierFirstRep().getValue() : null);
        if (claim.hasBillablePeriod()) {
            put(values, "serviceDate", claim.getBillablePeriod().getStartElement().getValueAsString());
        }
        if (claim.hasTotal()) {
            put(values, "total", claim.getTotal().getValue().toPlainString());
        }
        if (claim.hasItem()) {
            put(values, "service", text(claim.getItemFirstRep().getProductOrService()));
        }
        return values;
    }

    private static Map<String, Object> denial(ClaimResponse response) {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "disposition", response.getDisposition());
        put(values, "date", response.getCreatedElement().getValueAsString() == null ? null
                : response.getCreatedElement().getValueAsString().substring(0, 10));
        List<String> reasons = new ArrayList<>();
        response.getItem().forEach(item -> item.getAdjudication().forEach(a -> {
            if (a.hasReason()) {
                reasons.add(text(a.getReason()));
            }
        }));
        if (!reasons.isEmpty()) {
            values.put("reasons", reasons);
            values.put("reason", reasons.get(0));
        }
        return values;
    }

    /**
     * The visit: {@code date} and {@code time} as the scheduling system wrote them (its local time), {@code provider}
     * (the first practitioner's name) and {@code type}. No reason: a message about a visit names no clinical detail.
     */
    private static Map<String, Object> appointment(Appointment appointment) {
        Map<String, Object> values = new LinkedHashMap<>();
        String start = appointment.getStartElement().getValueAsString();
        if (start != null && start.length() >= 10) {
            put(values, "date", start.substring(0, 10));
            put(values, "time", start.length() >= 16 ? start.substring(11, 16) : null);
        }
        appointment.getParticipant().stream().map(Appointment.AppointmentParticipantComponent::getActor)
                .filter(a -> "Practitioner".equals(a.getType()) || "Practitioner".equals(a.getReferenceElement().getResourceType()))
                .filter(Reference::hasDisplay).findFirst().ifPresent(a -> put(values, "provider", a.getDisplay()));
        if (appointment.hasAppointmentType()) {
            put(values, "type", text(appointment.getAppointmentType()));
        }
        return values;
    }

    private static Map<String, Object> service(ServiceRequest request) {
        Map<String, Object> values = new LinkedHashMap<>(coded(request.getCode()));
        if (request.hasReasonCode()) {
            put(values, "reason", text(request.getReasonCodeFirstRep()));
        }
        if (request.hasOccurrenceDateTimeType()) {
            String when = request.getOccurrenceDateTimeType().getValueAsString();
            put(values, "date", when.length() > 10 ? when.substring(0, 10) : when);
        }
        if (request.hasRequester()) {
            put(values, "requester", request.getRequester().getDisplay());
        }
        return values;
    }

    private static Map<String, Object> coded(CodeableConcept concept) {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "code", concept.hasCoding() ? concept.getCodingFirstRep().getCode() : null);
        put(values, "display", text(concept));
        return values;
    }

    private static String text(CodeableConcept concept) {
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.hasCoding() ? Objects.requireNonNullElse(concept.getCodingFirstRep().getDisplay(),
                concept.getCodingFirstRep().getCode()) : null;
    }

    private static String display(Reference reference, List<Organization> organizations) {
        if (reference.hasDisplay()) {
            return reference.getDisplay();
        }
        String id = reference.getReferenceElement().getIdPart();
        return organizations.stream().filter(o -> o.getIdElement().getIdPart() != null
                && o.getIdElement().getIdPart().equals(id)).map(Organization::getName).findFirst().orElse(null);
    }

    private static String identifierOfType(List<Identifier> identifiers, String typeCode) {
        return identifiers.stream()
                .filter(i -> i.getType().getCoding().stream().anyMatch(c -> typeCode.equals(c.getCode())
                        && (c.getSystem() == null || IDENTIFIER_TYPE.equals(c.getSystem()))))
                .map(Identifier::getValue).findFirst()
                .orElse(null);
    }

    private static String addressLine(Address address) {
        List<String> parts = new ArrayList<>();
        address.getLine().forEach(line -> parts.add(line.getValue()));
        parts.add(address.getCity());
        String stateAndZip = (Objects.toString(address.getState(), "") + " "
                + Objects.toString(address.getPostalCode(), "")).strip();
        parts.add(stateAndZip);
        return String.join(", ", parts.stream().filter(p -> p != null && !p.isBlank()).toList());
    }

    private static void put(Map<String, Object> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }
}
