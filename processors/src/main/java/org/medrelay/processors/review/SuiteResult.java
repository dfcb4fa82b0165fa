package org.medrelay.processors.review;

import java.util.List;
import java.util.Objects;

/**
 * What the suite produced for a work item: a draft to release, a classification (a fax's type, a denial's
 * category), or both, with how confident it is and why. The person's decision is measured against this.
 *
 * @param draft          null when the result is a classification only
 * @param classification null when the result is a draft only
 * @param confidence     0 to 1; in live mode, at or above the workflow's live-confidence is released at once
 * @param reasons        why the suite concluded this, in words a person checks (may name PHI: never logged)
 */
public record SuiteResult(Draft draft, String classification, double confidence, List<String> reasons) {

    public SuiteResult {
        if (draft == null && (classification == null || classification.isBlank())) {
            throw new IllegalArgumentException("A suite result needs a draft, a classification, or both");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("Confidence must be between 0 and 1, was " + confidence);
        }
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }

    public static SuiteResult draft(Draft draft, double confidence, List<String> reasons) {
        return new SuiteResult(Objects.requireNonNull(draft, "draft"), null, confidence, reasons);
    }

    public static SuiteResult classification(String classification, double confidence, List<String> reasons) {
        return new SuiteResult(null, classification, confidence, reasons);
    }

    @Override
    public String toString() {
        return "SuiteResult[" + (draft == null ? "no draft" : draft) + ", classified=" + (classification != null)
                + ", confidence=" + confidence + ", " + reasons.size() + " reasons]";
    }
}
