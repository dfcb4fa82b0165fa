package org.medrelay.processors.priorauth;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DeviceRequest;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks the orders of a FHIR Bundle (as the EHR sends them, or as an HL7v2 order maps) against the payer
 * requirements table: each ServiceRequest, MedicationRequest and DeviceRequest, under the Coverage it names in
 * {@code insurance} (or the bundle's primary Coverage), gets a {@link PriorAuthDecision}. An order with several
 * codings takes the most specific line any of them matches. An order without a code cannot be checked: it is
 * refused, so a person looks at it rather than a table default deciding it.
 */
public final class PriorAuthCheck {

    private final PriorAuthRequirements requirements;

    public PriorAuthCheck(PriorAuthRequirements requirements) {
        this.requirements = requirements;
    }

    public List<PriorAuthDecision> check(Bundle orders) {
        List<PriorAuthDecision> decisions = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : orders.getEntry()) {
            Resource resource = entry.getResource();
            Optional<CodeableConcept> code = serviceCode(resource, orders);
            if (code.isEmpty()) {
                continue; // not an order
            }
            String order = orderId(resource, decisions.size() + 1);
            PayerPlan payer = coverage(resource, orders).map(PriorAuthCheck::payerPlan).orElse(PayerPlan.UNKNOWN);
            decisions.add(decide(order, code.get(), payer));
        }
        if (decisions.isEmpty()) {
            throw new IllegalArgumentException("no ServiceRequest, MedicationRequest or DeviceRequest to check");
        }
        return decisions;
    }

    private PriorAuthDecision decide(String order, CodeableConcept code, PayerPlan payer) {
        PriorAuthDecision best = null;
        int bestSpecificity = -1;
        for (Coding coding : code.getCoding()) {
            if (!coding.hasCode()) {
                continue;
            }
            OrderedService service = new OrderedService(ServiceCodeSystems.shortName(coding.getSystem()), coding.getCode(),
                    coding.hasDisplay() ? coding.getDisplay() : code.getText() == null ? "" : code.getText());
            Optional<PriorAuthRule> rule = requirements.find(payer, service);
            if (rule.isPresent() && rule.get().specificity() > bestSpecificity) {
                best = PriorAuthDecision.of(order, service, payer, rule.get());
                bestSpecificity = rule.get().specificity();
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("order " + order + " has no coded service the requirements table can match"
                    + " (it needs a * * * * line, or a CPT, HCPCS, RxNorm or other code)");
        }
        return best;
    }

    private static Optional<CodeableConcept> serviceCode(Resource resource, Bundle bundle) {
        if (resource instanceof ServiceRequest request) {
            return Optional.of(request.getCode());
        }
        if (resource instanceof MedicationRequest request) {
            if (request.hasMedicationCodeableConcept()) {
                return Optional.of(request.getMedicationCodeableConcept());
            }
            return find(bundle, request.getMedicationReference(), Medication.class).map(Medication::getCode)
                    .or(() -> Optional.of(new CodeableConcept()));
        }
        if (resource instanceof DeviceRequest request) {
            return Optional.of(request.hasCodeCodeableConcept() ? request.getCodeCodeableConcept() : new CodeableConcept());
        }
        return Optional.empty();
    }

    private static String orderId(Resource resource, int ordinal) {
        List<Identifier> identifiers = resource instanceof ServiceRequest r ? r.getIdentifier()
                : resource instanceof MedicationRequest r ? r.getIdentifier()
                : resource instanceof DeviceRequest r ? r.getIdentifier() : List.of();
        return identifiers.stream().filter(Identifier::hasValue).map(Identifier::getValue).findFirst()
                .orElse(resource.hasIdElement() && resource.getIdElement().hasIdPart() ? resource.getIdElement().getIdPart()
                        : "order " + ordinal);
    }

    /** The Coverage the order names, else the bundle's only or first-in-order Coverage. */
    private static Optional<Coverage> coverage(Resource resource, Bundle bundle) {
        List<Reference> insurance = resource instanceof ServiceRequest r ? r.getInsurance()
                : resource instanceof MedicationRequest r ? r.getInsurance()
                : resource instanceof DeviceRequest r ? r.getInsurance() : List.of();
        for (Reference reference : insurance) {
            Optional<Coverage> named = find(bundle, reference, Coverage.class);
            if (named.isPresent()) {
                return named;
            }
        }
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Coverage.class::isInstance).map(Coverage.class::cast)
                .min(Comparator.comparingInt(c -> c.hasOrder() ? c.getOrder() : Integer.MAX_VALUE));
    }

    private static PayerPlan payerPlan(Coverage coverage) {
        Optional<String> payerId = coverage.getPayor().stream().map(Reference::getIdentifier)
                .filter(Identifier::hasValue).map(Identifier::getValue).findFirst();
        if (payerId.isEmpty() && coverage.getPayor().stream().anyMatch(r -> r.getResource() instanceof Organization)) {
            payerId = coverage.getPayor().stream().map(Reference::getResource).filter(Organization.class::isInstance)
                    .map(Organization.class::cast).flatMap(o -> o.getIdentifier().stream())
                    .filter(Identifier::hasValue).map(Identifier::getValue).findFirst();
        }
        Optional<String> plan = coverage.getClass_().stream()
                .filter(c -> c.getType().getCoding().stream().anyMatch(t -> "plan".equals(t.getCode())))
                .map(Coverage.ClassComponent::getValue).filter(v -> v != null && !v.isEmpty()).findFirst();
        return new PayerPlan(payerId, plan);
    }

    private static <T extends Resource> Optional<T> find(Bundle bundle, Reference reference, Class<T> type) {
        if (type.isInstance(reference.getResource())) {
            return Optional.of(type.cast(reference.getResource()));
        }
        if (!reference.hasReference()) {
            return Optional.empty();
        }
        String target = reference.getReference();
        return bundle.getEntry().stream()
                .filter(e -> type.isInstance(e.getResource()))
                .filter(e -> target.equals(e.getFullUrl()) || target.equals(e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
                        || target.equals(type.getSimpleName() + "/" + e.getResource().getIdElement().getIdPart()))
                .map(e -> type.cast(e.getResource())).findFirst();
    }
}
