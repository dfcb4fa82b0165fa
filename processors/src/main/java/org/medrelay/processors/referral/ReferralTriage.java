package org.medrelay.processors.referral;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.medrelay.processors.review.WorkItemPriority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Inbound referral triage against the practice's {@link IntakeRules}: the specialty asked for must be offered, the
 * patient's plan accepted, the required documents present; the priority is the referral's own, raised by urgency
 * words in its reason or notes. Reads only the referral and its coverage: no EHR call, so the same decision for the
 * same input.
 */
public final class ReferralTriage {

    static final String COVERAGE = "coverage";
    private final IntakeRules rules;

    public ReferralTriage(IntakeRules rules) {
        this.rules = rules;
    }

    public ReferralDecision triage(ServiceRequest referral, Optional<Coverage> coverage) {
        List<String> reasons = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean accepted = true;

        List<String> asked = specialtiesAskedFor(referral);
        Optional<String> specialty = asked.stream().map(rules::specialty).flatMap(Optional::stream).findFirst();
        if (specialty.isPresent()) {
            reasons.add("specialty offered: " + specialty.get());
        } else {
            accepted = false;
            reasons.add(asked.isEmpty() ? "no specialty named (performerType or code)"
                    : "specialty not offered: " + String.join(", ", asked));
        }

        List<String> payers = coverage.map(ReferralTriage::payers).orElse(List.of());
        if (coverage.isEmpty() || payers.isEmpty()) {
            missing.add(COVERAGE);
            reasons.add("no coverage on the referral");
        } else if (payers.stream().anyMatch(rules::acceptsPayer)) {
            reasons.add("plan accepted: " + payers.get(0));
        } else {
            accepted = false;
            reasons.add("plan not accepted: " + String.join(", ", payers));
        }

        Set<String> present = ReferralDocuments.present(referral);
        String specialtyCode = specialty.orElse("");
        for (IntakeRules.RequiredDocument required : rules.documents()) {
            if (required.appliesTo(specialtyCode) && !present.contains(required.document())
                    && !missing.contains(required.document())) {
                missing.add(required.document());
                reasons.add("required document missing: " + required.document());
            }
        }

        WorkItemPriority priority = priority(referral);
        String text = searchableText(referral);
        for (IntakeRules.UrgencyWord word : rules.urgencyWords()) {
            if (text.contains(word.word()) && word.priority().compareTo(priority) > 0) {
                priority = word.priority();
                reasons.add("urgency word '" + word.word() + "': " + priority.fhirCode());
            }
        }

        ReferralOutcome outcome = !accepted ? ReferralOutcome.NOT_ACCEPTED
                : missing.isEmpty() ? ReferralOutcome.SCHEDULE : ReferralOutcome.MISSING_INFORMATION;
        return new ReferralDecision(outcome, priority, specialty.orElse(asked.isEmpty() ? null : asked.get(0)), missing, reasons);
    }

    /** The codes then names of performerType, then of code (REF^I12: RF1-3). */
    static List<String> specialtiesAskedFor(ServiceRequest referral) {
        List<String> asked = new ArrayList<>();
        Stream.of(referral.getPerformerType(), referral.getCode()).forEach(concept -> {
            for (Coding coding : concept.getCoding()) {
                if (coding.hasCode()) {
                    asked.add(coding.getCode());
                }
                if (coding.hasDisplay()) {
                    asked.add(coding.getDisplay());
                }
            }
            if (concept.hasText()) {
                asked.add(concept.getText());
            }
        });
        return asked.stream().distinct().toList();
    }

    private static List<String> payers(Coverage coverage) {
        List<String> payers = new ArrayList<>();
        for (Reference payor : coverage.getPayor()) {
            if (payor.hasIdentifier() && payor.getIdentifier().hasValue()) {
                payers.add(payor.getIdentifier().getValue());
            }
            if (payor.hasDisplay()) {
                payers.add(payor.getDisplay());
            }
        }
        return payers;
    }

    private static WorkItemPriority priority(ServiceRequest referral) {
        if (!referral.hasPriority()) {
            return WorkItemPriority.ROUTINE;
        }
        return WorkItemPriority.valueOf(referral.getPriority().toCode().toUpperCase(Locale.ROOT));
    }

    private static String searchableText(ServiceRequest referral) {
        StringBuilder text = new StringBuilder();
        for (CodeableConcept reason : referral.getReasonCode()) {
            text.append(reason.getText()).append(' ');
            reason.getCoding().forEach(c -> text.append(c.getDisplay()).append(' '));
        }
        referral.getReasonReference().forEach(r -> text.append(r.getDisplay()).append(' '));
        referral.getNote().forEach(n -> text.append(n.getText()).append(' '));
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
