package org.medrelay.mappings.x12.priorauth;

import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.medrelay.mappings.x12.eligibility.RequestValidation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Maps a {@link PriorAuthResponse} to a FHIR R4 ClaimResponse with use preauthorization, in the shape of a Da Vinci
 * PAS response: preAuthRef the certification number (HCR02), preAuthPeriod the certified dates, and per service
 * (2000F; the event when the response has none) an item whose adjudication carries the PAS reviewAction extension
 * (HCR01 action code, HCR02 number, HCR03 reason). AAA rejections become errors coded with their reject reason.
 * The outcome is queued while pended (A4, CT), partial for A2, error when the UMO rejected the request without
 * reviewing it, complete otherwise.
 */
public final class PriorAuthClaimResponseMapper {

    private final Clock clock;

    public PriorAuthClaimResponseMapper(Clock clock) {
        this.clock = clock;
    }

    public ClaimResponse map(PriorAuthResponse response) {
        ClaimResponse fhir = new ClaimResponse();
        fhir.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
        fhir.setUse(ClaimResponse.Use.PREAUTHORIZATION);
        fhir.setType(new CodeableConcept(new Coding(PriorAuthCodeSystems.CLAIM_TYPE, claimType(response), null)));
        response.requestTrace().ifPresent(trace -> {
            fhir.addIdentifier(new Identifier().setSystem(PriorAuthCodeSystems.TRACE).setValue(trace.number()));
            fhir.setRequest(new Reference().setIdentifier(new Identifier().setSystem(PriorAuthCodeSystems.TRACE).setValue(trace.number())));
        });
        fhir.setCreatedElement(new DateTimeType(response.created().orElse(LocalDate.now(clock)).toString()));
        fhir.setPatient(new Reference().setIdentifier(new Identifier()
                .setSystem(PriorAuthCodeSystems.MEMBER_ID_PREFIX + response.umo().id()).setValue(response.subscriber().id())));
        fhir.setInsurer(new Reference().setIdentifier(new Identifier()
                .setSystem(PriorAuthCodeSystems.PAYER_ID_PREFIX + response.umo().idQualifier()).setValue(response.umo().id()))
                .setDisplay(response.umo().name()));
        fhir.setRequestor(new Reference().setIdentifier(providerId(response.requester())));
        Optional<ReviewLevel> decision = response.decision();
        fhir.setOutcome(outcome(response, decision));
        decision.ifPresent(level -> {
            fhir.setDisposition(disposition(level));
            if (!level.certificationNumber().isEmpty()) {
                fhir.setPreAuthRef(level.certificationNumber());
            }
            level.certifiedPeriod().ifPresent(period -> fhir.setPreAuthPeriod(period(period)));
        });
        List<ReviewLevel> items = response.services().isEmpty() ? List.of(response.event()) : response.services();
        for (int i = 0; i < items.size(); i++) {
            item(fhir, i + 1, items.get(i), response.event());
        }
        response.rejections().forEach(rejection -> error(fhir, null, rejection));
        if (!response.services().isEmpty()) {
            response.event().rejections().forEach(rejection -> error(fhir, null, rejection));
        }
        return fhir;
    }

    private static void item(ClaimResponse fhir, int sequence, ReviewLevel level, ReviewLevel event) {
        ClaimResponse.ItemComponent item = fhir.addItem().setItemSequence(sequence);
        level.procedure().ifPresent(procedure -> item.addExtension(PriorAuthCodeSystems.SERVICE_PROCEDURE,
                new Coding(PriorAuthCodeSystems.PROCEDURE_PREFIX + procedure.qualifier(), procedure.code(), null)));
        level.certifiedPeriod().or(event::certifiedPeriod)
                .ifPresent(period -> item.addExtension(PriorAuthCodeSystems.ITEM_PRE_AUTH_PERIOD, period(period)));
        ClaimResponse.AdjudicationComponent adjudication = item.addAdjudication()
                .setCategory(new CodeableConcept(new Coding(PriorAuthCodeSystems.ADJUDICATION, "submitted", "Submitted Amount")));
        // a service without its own HCR is decided by the event's (005010X217: HCR is situational at 2000F)
        ReviewLevel decided = level.actionCode().isEmpty() ? event : level;
        if (!decided.actionCode().isEmpty()) {
            adjudication.addExtension(reviewAction(decided));
        }
        level.quantity().ifPresent(quantity -> adjudication.setValue(quantity.value()));
        level.rejections().forEach(rejection -> error(fhir, sequence, rejection));
    }

    private static Extension reviewAction(ReviewLevel level) {
        Extension review = new Extension(PriorAuthCodeSystems.REVIEW_ACTION);
        if (!level.certificationNumber().isEmpty()) {
            review.addExtension("number", new StringType(level.certificationNumber()));
        }
        review.addExtension("reviewActionCode", new CodeableConcept(new Coding(PriorAuthCodeSystems.ACTION_CODE,
                level.actionCode(), level.action().map(ReviewAction::display).orElse(null))));
        if (!level.reasonCode().isEmpty()) {
            review.addExtension("reasonCode", new CodeableConcept(new Coding(PriorAuthCodeSystems.DECISION_REASON, level.reasonCode(), null)));
        }
        return review;
    }

    private static void error(ClaimResponse fhir, Integer itemSequence, RequestValidation rejection) {
        ClaimResponse.ErrorComponent error = fhir.addError().setCode(new CodeableConcept(
                new Coding(PriorAuthCodeSystems.REJECT_REASON, rejection.rejectReason(), rejection.describe())));
        if (itemSequence != null) {
            error.setItemSequence(itemSequence);
        }
    }

    private static ClaimResponse.RemittanceOutcome outcome(PriorAuthResponse response, Optional<ReviewLevel> decision) {
        if (decision.isEmpty()) {
            boolean rejected = !response.rejections().isEmpty() || !response.event().rejections().isEmpty()
                    || response.services().stream().anyMatch(s -> !s.rejections().isEmpty());
            return rejected ? ClaimResponse.RemittanceOutcome.ERROR : ClaimResponse.RemittanceOutcome.QUEUED;
        }
        return switch (decision.get().actionCode()) {
            case "A4", "CT" -> ClaimResponse.RemittanceOutcome.QUEUED;
            case "A2" -> ClaimResponse.RemittanceOutcome.PARTIAL;
            default -> ClaimResponse.RemittanceOutcome.COMPLETE;
        };
    }

    /** "A1 Certified in total", with the reason code when there is one: "A3 Not certified, reason 0U". */
    private static String disposition(ReviewLevel level) {
        String text = level.actionCode() + level.action().map(action -> " " + action.display()).orElse("");
        return level.reasonCode().isEmpty() ? text : text + ", reason " + level.reasonCode();
    }

    private static String claimType(PriorAuthResponse response) {
        // by the service lines: SV2 institutional, SV3 dental (oral), SV1 or none professional
        List<String> segments = response.services().stream()
                .flatMap(s -> s.procedure().stream()).map(ReviewLevel.Procedure::segmentId).toList();
        return segments.contains("SV2") ? "institutional" : segments.contains("SV3") ? "oral" : "professional";
    }

    private static Identifier providerId(PriorAuthResponse.Party provider) {
        return "XX".equals(provider.idQualifier())
                ? new Identifier().setSystem(PriorAuthCodeSystems.NPI).setValue(provider.id())
                : new Identifier().setSystem(PriorAuthCodeSystems.PROVIDER_ID_PREFIX + provider.idQualifier()).setValue(provider.id());
    }

    private static Period period(ReviewPeriod period) {
        // as days (2026-12-01), the precision the DTP has, not as midnight in some time zone
        return new Period().setStartElement(new DateTimeType(period.start().toString()))
                .setEndElement(new DateTimeType(period.end().toString()));
    }
}
