package org.medrelay.processors.priorauth.x12;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Bundle;
import org.medrelay.mappings.x12.EligibilityInquiry;
import org.medrelay.mappings.x12.priorauth.PriorAuthRequest;
import org.medrelay.processors.eligibility.EligibilitySettings;
import org.medrelay.processors.priorauth.PriorAuthDecision;
import org.medrelay.processors.priorauth.pas.OrderBundle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An order that needs authorization, as the 278 request (005010X217) asks it: the UMO is the Coverage's payer (its name
 * and id qualifier configured as for the 270, {@code medrelay.eligibility.payer.<id>.*}), the requester the order's
 * Practitioner by NPI (else the practice's configured provider), the subscriber the Patient with the Coverage's member
 * id, the diagnoses the order's ICD-10-CM reasons, one 2000F service for the code the requirements table matched.
 * Nothing is invented: an order without what the 278 requires is refused, saying what is missing.
 */
public final class Order278Mapper {

    private static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

    private final EligibilitySettings partners;
    private final String serviceType;
    private final String placeOfService;

    /**
     * @param serviceType    UM03, the X12 service type of the requests (1 medical care)
     * @param placeOfService UM04, the CMS place of service code (11 office)
     */
    public Order278Mapper(EligibilitySettings partners, String serviceType, String placeOfService) {
        this.partners = partners;
        this.serviceType = serviceType;
        this.placeOfService = placeOfService;
    }

    public PriorAuthRequest map(Bundle orders, PriorAuthDecision decision, String traceNumber, LocalDate today) {
        OrderBundle source = new OrderBundle(orders);
        DomainResource order = source.order(decision.order());
        String payerId = decision.payer().payerId()
                .orElseThrow(() -> new IllegalArgumentException("order " + decision.order() + " names no payer id for the 278's UMO"));
        Coverage coverage = source.coverage(order)
                .orElseThrow(() -> new IllegalArgumentException("order " + decision.order() + " has no Coverage: the 278 needs the member id"));
        Patient patient = orders.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Patient in the orders for the 278's subscriber"));
        if (!List.of("CPT", "HCPCS").contains(decision.service().system())) {
            // 005010X217 SV101-1 HC: only CPT and HCPCS codes go into the professional service line
            throw new IllegalArgumentException("order " + decision.order() + ": " + decision.service().system()
                    + " codes cannot be requested in a 278 SV1 (CPT or HCPCS only)");
        }
        return new PriorAuthRequest(umo(payerId, coverage), requester(order, source), subscriber(patient, coverage, decision.order()),
                Optional.empty(), "HS", "I", serviceType, placeOfService, diagnoses(order, source, decision.order()),
                Optional.empty(), List.of(service(order, decision, today)), traceNumber, partners.traceOriginator());
    }

    private PriorAuthRequest.Organization umo(String payerId, Coverage coverage) {
        EligibilityInquiry.InformationSource configured = partners.payer(payerId);
        String name = configured.name().equals(payerId) && coverage.getPayorFirstRep().hasDisplay()
                ? coverage.getPayorFirstRep().getDisplay() : configured.name();
        return new PriorAuthRequest.Organization(name, configured.idQualifier(), payerId);
    }

    private PriorAuthRequest.Provider requester(DomainResource order, OrderBundle source) {
        Reference requester = order instanceof ServiceRequest s ? s.getRequester() : new Reference();
        Optional<Practitioner> practitioner = source.resolve(requester, Practitioner.class);
        Optional<String> npi = practitioner.flatMap(p -> p.getIdentifier().stream()
                .filter(i -> NPI.equals(i.getSystem())).map(Identifier::getValue).findFirst());
        if (practitioner.isPresent() && npi.isPresent()) {
            return new PriorAuthRequest.Provider(practitioner.get().getNameFirstRep().getFamily(),
                    practitioner.get().getNameFirstRep().getGivenAsSingleString(), npi.get());
        }
        EligibilityInquiry.InformationReceiver practice = partners.provider();
        return new PriorAuthRequest.Provider(practice.lastOrOrganizationName(), practice.firstName(), practice.npi());
    }

    private static PriorAuthRequest.Subscriber subscriber(Patient patient, Coverage coverage, String order) {
        String memberId = coverage.hasSubscriberId() ? coverage.getSubscriberId()
                : coverage.getIdentifier().stream().map(Identifier::getValue).findFirst().orElse(null);
        if (memberId == null || memberId.isBlank()) {
            throw new IllegalArgumentException("order " + order + ": the Coverage has no member id (subscriberId) for the 278");
        }
        if (!patient.hasBirthDateElement() || patient.getBirthDateElement().getValueAsString().length() != 10) {
            throw new IllegalArgumentException("order " + order + ": the Patient has no birth date (to the day) for the 278's DMG");
        }
        return new PriorAuthRequest.Subscriber(patient.getNameFirstRep().getFamily(), patient.getNameFirstRep().getGivenAsSingleString(),
                memberId, LocalDate.parse(patient.getBirthDateElement().getValueAsString()), gender(patient.getGender()));
    }

    private static String gender(Enumerations.AdministrativeGender gender) {
        if (gender == null) {
            return "U";
        }
        return switch (gender) {
            case MALE -> "M";
            case FEMALE -> "F";
            default -> "U";
        };
    }

    /** ICD-10-CM reasons of the order: its reasonCode, then the Conditions it names; HI takes them without the dot. */
    private static List<String> diagnoses(DomainResource order, OrderBundle source, String orderId) {
        Set<String> codes = new LinkedHashSet<>();
        if (order instanceof ServiceRequest request) {
            request.getReasonCode().forEach(c -> icd10(c).ifPresent(codes::add));
            for (Reference reference : request.getReasonReference()) {
                source.resolve(reference, Condition.class).flatMap(c -> icd10(c.getCode())).ifPresent(codes::add);
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("order " + orderId + " names no ICD-10-CM diagnosis (reasonCode, or a "
                    + "reasonReference Condition in the orders): a 278 needs at least one (HI)");
        }
        return new ArrayList<>(codes).subList(0, Math.min(12, codes.size()));
    }

    private static Optional<String> icd10(CodeableConcept concept) {
        return concept.getCoding().stream().filter(c -> ICD10CM.equals(c.getSystem())).map(Coding::getCode)
                .filter(c -> c != null && !c.isBlank()).map(c -> c.replace(".", "")).findFirst();
    }

    private static PriorAuthRequest.Service service(DomainResource order, PriorAuthDecision decision, LocalDate today) {
        int quantity = 1;
        LocalDate from = today;
        LocalDate to = today;
        if (order instanceof ServiceRequest request) {
            if (request.hasQuantityQuantity() && request.getQuantityQuantity().hasValue()) {
                quantity = Math.max(1, request.getQuantityQuantity().getValue().intValue());
            }
            if (request.hasOccurrenceDateTimeType()) {
                from = LocalDate.parse(request.getOccurrenceDateTimeType().getValueAsString().substring(0, 10));
                to = from;
            } else if (request.hasOccurrencePeriod() && request.getOccurrencePeriod().hasStart()) {
                from = LocalDate.parse(request.getOccurrencePeriod().getStartElement().getValueAsString().substring(0, 10));
                to = request.getOccurrencePeriod().hasEnd()
                        ? LocalDate.parse(request.getOccurrencePeriod().getEndElement().getValueAsString().substring(0, 10)) : from;
            }
        }
        return new PriorAuthRequest.Service(decision.service().code(), List.of(), quantity, from, to);
    }
}
