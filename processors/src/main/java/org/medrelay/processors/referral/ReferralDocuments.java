package org.medrelay.processors.referral;

import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.util.LinkedHashSet;
import java.util.Set;

/** Which of the documents intake rules may require a referral carries, read from its ServiceRequest. */
final class ReferralDocuments {

    static final String REASON = "reason";
    static final String NOTES = "notes";
    static final String IMAGING = "imaging";
    private static final Set<String> NOTE_TYPES = Set.of("DocumentReference", "Composition", "ClinicalImpression");
    private static final Set<String> IMAGING_TYPES = Set.of("DiagnosticReport", "ImagingStudy");

    private ReferralDocuments() {
    }

    static Set<String> present(ServiceRequest referral) {
        Set<String> present = new LinkedHashSet<>();
        if (!referral.getReasonCode().isEmpty() || !referral.getReasonReference().isEmpty()) {
            present.add(REASON);
        }
        if (referral.getNote().stream().anyMatch(n -> n.hasText() && !n.getText().isBlank())
                || referral.getSupportingInfo().stream().anyMatch(r -> NOTE_TYPES.contains(type(r)))) {
            present.add(NOTES);
        }
        if (referral.getSupportingInfo().stream().anyMatch(r -> IMAGING_TYPES.contains(type(r)))) {
            present.add(IMAGING);
        }
        return present;
    }

    /** The resource type a reference names ({@code DiagnosticReport/7}), or its declared type. */
    private static String type(Reference reference) {
        if (reference.hasType()) {
            return reference.getType();
        }
        String ref = reference.getReference();
        return ref == null || !ref.contains("/") ? "" : ref.substring(0, ref.indexOf('/'));
    }
}
