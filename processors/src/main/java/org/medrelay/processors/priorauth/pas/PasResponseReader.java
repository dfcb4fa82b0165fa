package org.medrelay.processors.priorauth.pas;

import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a Da Vinci PAS response (a ClaimResponse, or the response Bundle holding one) into a {@link PayerDecision}.
 * The review action is the PAS reviewAction extension, carrying the X12 278 HCR01 code (X12 code list 306): on the
 * ClaimResponse (PAS STU1 and the Da Vinci reference implementation, as valueString or valueCode) or on an item's
 * adjudication (PAS STU2: a complex extension whose {@code code} is a CodeableConcept). Without one, {@code outcome}
 * queued means pended. A response that says neither is refused: a person reads it.
 */
public final class PasResponseReader {

    static final String REVIEW_ACTION = "extension-reviewAction";
    static final String REVIEW_ACTION_REASON = "extension-reviewActionReason";
    static final String AUTHORIZED_PERIOD = "extension-authorizedEventDate";

    public PayerDecision read(Resource response) {
        ClaimResponse claimResponse = claimResponse(response);
        Optional<String> action = reviewAction(claimResponse);
        PriorAuthState state = action.map(PasResponseReader::state).orElseGet(() -> switch (claimResponse.getOutcome()) {
            case QUEUED, PARTIAL -> PriorAuthState.PENDED;
            default -> throw new IllegalArgumentException("the ClaimResponse has no reviewAction and outcome "
                    + claimResponse.getOutcome().toCode() + ": a person reads it");
        });
        PriorAuthCase.Authorization authorization = state == PriorAuthState.APPROVED ? authorization(claimResponse) : null;
        return new PayerDecision(state, action.orElse(null), authorization, reasons(claimResponse));
    }

    /** X12 code list 306 (HCR01) to case state. */
    static PriorAuthState state(String hcr01) {
        return switch (hcr01) {
            // A1 certified in total, A2 certified partial, A6 modified: an authorization the payer granted
            case "A1", "A2", "A6" -> PriorAuthState.APPROVED;
            case "A3" -> PriorAuthState.DENIED;
            // A4 pended, CT contact payer: the payer waits for more from the provider
            case "A4", "CT" -> PriorAuthState.PENDED;
            // C cancelled
            case "C" -> PriorAuthState.WITHDRAWN;
            default -> throw new IllegalArgumentException("unknown PAS reviewAction code '" + hcr01 + "' (X12 HCR01)");
        };
    }

    private static ClaimResponse claimResponse(Resource response) {
        if (response instanceof ClaimResponse claimResponse) {
            return claimResponse;
        }
        if (response instanceof Bundle bundle) {
            return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(ClaimResponse.class::isInstance).map(ClaimResponse.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the response Bundle holds no ClaimResponse"));
        }
        throw new IllegalArgumentException("expected a ClaimResponse or a PAS response Bundle, not " + response.fhirType());
    }

    private static Stream<Extension> reviewActions(ClaimResponse response) {
        Stream<Extension> top = response.getExtension().stream();
        Stream<Extension> items = response.getItem().stream().flatMap(i -> Stream.concat(i.getExtension().stream(),
                i.getAdjudication().stream().flatMap(a -> a.getExtension().stream())));
        return Stream.concat(top, items).filter(e -> e.getUrl() != null && e.getUrl().endsWith(REVIEW_ACTION));
    }

    private static Optional<String> reviewAction(ClaimResponse response) {
        return reviewActions(response).map(PasResponseReader::code).flatMap(Optional::stream).findFirst();
    }

    /** valueString, valueCode, valueCodeableConcept, or a complex extension's {@code code}. */
    private static Optional<String> code(Extension extension) {
        if (extension.hasValue()) {
            return text(extension.getValue());
        }
        return extension.getExtension().stream().filter(e -> "code".equals(e.getUrl()) || "reviewActionCode".equals(e.getUrl()))
                .map(Extension::getValue).map(PasResponseReader::text).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> text(Base value) {
        if (value instanceof CodeableConcept concept) {
            return concept.getCoding().stream().map(Coding::getCode).filter(c -> c != null && !c.isEmpty()).findFirst()
                    .or(() -> Optional.ofNullable(concept.getText()));
        }
        if (value instanceof Coding coding) {
            return Optional.ofNullable(coding.getCode());
        }
        if (value instanceof PrimitiveType<?> primitive && primitive.hasValue()) {
            return Optional.of(primitive.getValueAsString());
        }
        return Optional.empty();
    }

    /** preAuthRef, else the reviewAction's {@code number}, else the ClaimResponse's identifier (the review number). */
    private static PriorAuthCase.Authorization authorization(ClaimResponse response) {
        String number = response.hasPreAuthRef() ? response.getPreAuthRef()
                : reviewActions(response).flatMap(e -> e.getExtension().stream()).filter(e -> "number".equals(e.getUrl()))
                .map(Extension::getValue).map(PasResponseReader::text).flatMap(Optional::stream).findFirst()
                .orElse(response.getIdentifier().stream().map(i -> i.getValue()).filter(v -> v != null).findFirst().orElse(null));
        if (number == null) {
            throw new IllegalArgumentException("the payer approved without an authorization number (preAuthRef)");
        }
        Period period = response.hasPreAuthPeriod() ? response.getPreAuthPeriod()
                : extensionsNamed(response, AUTHORIZED_PERIOD).map(Extension::getValue).filter(Period.class::isInstance)
                .map(Period.class::cast).findFirst().orElse(new Period());
        return new PriorAuthCase.Authorization(number, units(response), date(period.getStartElement()), date(period.getEndElement()));
    }

    private static Stream<Extension> extensionsNamed(ClaimResponse response, String name) {
        List<Extension> all = new ArrayList<>(response.getExtension());
        response.getItem().forEach(i -> {
            all.addAll(i.getExtension());
            i.getAdjudication().forEach(a -> all.addAll(a.getExtension()));
        });
        return all.stream().filter(e -> e.getUrl() != null && e.getUrl().endsWith(name));
    }

    /** The quantity the payer adjudicated on the first item (adjudication value), when it gave one. */
    private static Integer units(ClaimResponse response) {
        return response.getItem().stream().flatMap(i -> i.getAdjudication().stream())
                .filter(a -> a.hasValue()).map(a -> a.getValue().intValue()).findFirst()
                .or(() -> extensionsNamed(response, "authorizedQuantity").map(Extension::getValue)
                        .filter(Quantity.class::isInstance).map(q -> ((Quantity) q).getValue().intValue()).findFirst())
                .orElse(null);
    }

    private static List<String> reasons(ClaimResponse response) {
        List<String> reasons = new ArrayList<>();
        extensionsNamed(response, REVIEW_ACTION_REASON).map(Extension::getValue).map(PasResponseReader::text)
                .flatMap(Optional::stream).forEach(reasons::add);
        reviewActions(response).flatMap(e -> e.getExtension().stream()).filter(e -> "reasonCode".equals(e.getUrl()))
                .map(Extension::getValue).map(PasResponseReader::text).flatMap(Optional::stream).forEach(reasons::add);
        if (response.hasDisposition()) {
            reasons.add(response.getDisposition());
        }
        return reasons;
    }

    /** The calendar date as the payer wrote it, without moving it through a time zone. */
    private static LocalDate date(org.hl7.fhir.r4.model.DateTimeType date) {
        return date == null || !date.hasValue() ? null : LocalDate.parse(date.getValueAsString().substring(0, 10));
    }
}
