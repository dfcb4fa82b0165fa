package org.medrelay.processors.priorauth.pas;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DeviceRequest;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The orders Bundle a prior-auth case came from: finds the order, and the resources its references name. */
public final class OrderBundle {

    private final Bundle bundle;

    public OrderBundle(Bundle bundle) {
        this.bundle = bundle;
    }

    /** The order whose identifier value or id is {@code order}, as PriorAuthCheck named it. */
    public DomainResource order(String order) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof ServiceRequest || r instanceof MedicationRequest || r instanceof DeviceRequest)
                .map(DomainResource.class::cast)
                .filter(r -> identifiers(r).stream().anyMatch(i -> order.equals(i.getValue()))
                        || order.equals(r.getIdElement().getIdPart()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("order " + order + " is not in the bundle"));
    }

    static List<Identifier> identifiers(Resource r) {
        return r instanceof ServiceRequest s ? s.getIdentifier() : r instanceof MedicationRequest m ? m.getIdentifier()
                : r instanceof DeviceRequest d ? d.getIdentifier() : List.of();
    }

    /** The Coverage the order names, else the bundle's first in order. */
    public Optional<Coverage> coverage(DomainResource order) {
        List<Reference> insurance = order instanceof ServiceRequest s ? s.getInsurance()
                : order instanceof MedicationRequest m ? m.getInsurance()
                : order instanceof DeviceRequest d ? d.getInsurance() : List.of();
        for (Reference reference : insurance) {
            Optional<Coverage> named = resolve(reference, Coverage.class);
            if (named.isPresent()) {
                return named;
            }
        }
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Coverage.class::isInstance).map(Coverage.class::cast)
                .min(Comparator.comparingInt(c -> c.hasOrder() ? c.getOrder() : Integer.MAX_VALUE));
    }

    public <T extends Resource> Optional<T> resolve(Reference reference, Class<T> type) {
        if (type.isInstance(reference.getResource())) {
            return Optional.of(type.cast(reference.getResource()));
        }
        if (!reference.hasReference()) {
            return Optional.empty();
        }
        String target = reference.getReference();
        return bundle.getEntry().stream().filter(e -> type.isInstance(e.getResource()))
                .filter(e -> target.equals(e.getFullUrl())
                        || target.equals(type.getSimpleName() + "/" + e.getResource().getIdElement().getIdPart()))
                .map(e -> type.cast(e.getResource())).findFirst();
    }

    /** The entry's fullUrl, so a reference to it resolves inside the PAS Bundle. */
    String fullUrl(Resource resource) {
        return bundle.getEntry().stream().filter(e -> e.getResource() == resource).map(Bundle.BundleEntryComponent::getFullUrl)
                .filter(u -> u != null && !u.isEmpty()).findFirst()
                .orElse(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }
}
