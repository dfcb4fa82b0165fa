package org.medrelay.processors.refill;

import org.hl7.fhir.r4.model.MedicationRequest;

import java.util.List;
import java.util.Set;

/**
 * What makes a MedicationRequest in the EHR a refill request from the patient portal, rather than a prescription: its
 * intent (the portal proposes, the prescriber orders; default {@code proposal}), one of the statuses (default
 * {@code draft}, {@code active}), and a category coding (default {@value #DEFAULT_CATEGORY}). Configured by
 * {@code medrelay.refill.fhir-feed.intent}, {@code .statuses} and {@code .category}; an empty category does not check
 * the category.
 *
 * @param intent   the MedicationRequest.intent code
 * @param statuses the MedicationRequest.status codes taken in
 * @param system   the category coding's system, or null for any system
 * @param code     the category coding's code, or null when the category is not checked
 */
public record RefillRequestMarker(String intent, Set<String> statuses, String system, String code) {

    public static final String DEFAULT_CATEGORY = "urn:medrelay:refill|refill-request";

    /**
     * @param category {@code system|code}, {@code code} alone (any system), or blank for none
     * @throws IllegalArgumentException for a blank intent or no statuses, naming the property
     */
    public static RefillRequestMarker of(String intent, String statuses, String category) {
        if (intent == null || intent.isBlank()) {
            throw new IllegalArgumentException("medrelay.refill.fhir-feed.intent is empty: the feed would take every prescription");
        }
        Set<String> codes = statuses == null ? Set.of() : Set.copyOf(List.of(statuses.trim().split("\\s*,\\s*")).stream()
                .filter(s -> !s.isBlank()).toList());
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("medrelay.refill.fhir-feed.statuses is empty");
        }
        String system = null;
        String code = null;
        if (category != null && !category.isBlank()) {
            String trimmed = category.trim();
            int bar = trimmed.lastIndexOf('|');
            system = bar > 0 ? trimmed.substring(0, bar) : null;
            code = bar >= 0 ? trimmed.substring(bar + 1) : trimmed;
        }
        return new RefillRequestMarker(intent.trim(), codes, system, code);
    }

    public boolean matches(MedicationRequest request) {
        if (!request.hasIntent() || !intent.equals(request.getIntent().toCode())) {
            return false;
        }
        if (!request.hasStatus() || !statuses.contains(request.getStatus().toCode())) {
            return false;
        }
        return code == null || request.getCategory().stream().flatMap(c -> c.getCoding().stream())
                .anyMatch(c -> code.equals(c.getCode()) && (system == null || system.equals(c.getSystem())));
    }
}
