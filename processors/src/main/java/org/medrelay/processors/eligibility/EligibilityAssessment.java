package org.medrelay.processors.eligibility;

import java.util.List;

/** What the rules decided for one visit: its coverage gaps (none: a clean result) and the patient's estimated share. */
public record EligibilityAssessment(List<CoverageGap> gaps, PatientResponsibility responsibility) {

    public EligibilityAssessment {
        gaps = List.copyOf(gaps);
    }

    public boolean clean() {
        return gaps.isEmpty();
    }
}
