package org.medrelay.mappings.x12.eligibility;

import java.util.stream.Collectors;

/** The CoverageEligibilityResponse.disposition: one line saying what the payer answered, in words. */
final class EligibilityDisposition {

    private EligibilityDisposition() {
    }

    static String describe(EligibilityResponse response) {
        if (!response.rejections().isEmpty()) {
            return "rejected: " + response.rejections().stream()
                    .map(r -> r.rejectReason() + " " + r.describe()).distinct().collect(Collectors.joining("; "));
        }
        return CoverageStatus.of(response).inforce()
                .map(inforce -> inforce ? "active coverage" : "inactive coverage")
                .orElse("no coverage status in the 271");
    }
}
