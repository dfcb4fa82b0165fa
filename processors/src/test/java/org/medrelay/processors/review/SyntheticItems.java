package org.medrelay.processors.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Synthetic work items: invented patients, payers and drafts, nothing real. */
final class SyntheticItems {

    static final PatientRef PATIENT_A = new PatientRef("Patient/syn-a17", "7f3a09c4e81b22d5");
    static final PatientRef PATIENT_B = new PatientRef("Patient/syn-b42", "c1d2e3a49f0b7716");

    private SyntheticItems() {
    }

    /** An inactive-coverage gap for the front desk, with a drafted patient notice. */
    static NewWorkItem eligibilityGap(PatientRef patient, double confidence, Instant due) {
        return new NewWorkItem(WorkItemType.ELIGIBILITY_GAP, "eligibility", patient, WorkQueue.FRONT_DESK, null, due,
                WorkItemPriority.URGENT,
                SuiteResult.draft(Draft.text("Coverage with Synthetic Mutual ended 2026-10-31; please bring your new card.",
                        "text/plain"), confidence, List.of("271 EB01=6: inactive coverage", "no other active plan on file")),
                "EPICADT|SYNCLINIC|CTL-1001",
                List.of(WorkItemLink.fhir("Coverage/cov-syn-1", "coverage from the 271"),
                        WorkItemLink.document("DocumentReference/doc-271-syn", "271 eligibility response")));
    }

    /** A prior-auth draft for a clinician: an X12 278 request. */
    static NewWorkItem priorAuthDraft(PatientRef patient, double confidence, Instant due) {
        return new NewWorkItem(WorkItemType.PRIOR_AUTH_DRAFT, "prior-auth", patient, WorkQueue.CLINICIAN, null, due,
                WorkItemPriority.ROUTINE,
                SuiteResult.draft(Draft.text("ST*278*0001*005010X217~BHT*0007*13*SYN-PA-1*20261124*1200~SE*3*0001~",
                        "application/edi-x12"), confidence, List.of("CPT 72148 needs prior auth with Synthetic Mutual")),
                null, List.of(WorkItemLink.fhir("ServiceRequest/sr-syn-9", "MRI lumbar spine order")));
    }

    /** A fax classified as a referral, no draft. */
    static NewWorkItem faxTriage(PatientRef patient, double confidence, Instant due) {
        return new NewWorkItem(WorkItemType.FAX_TRIAGE, "fax", patient, WorkQueue.RECORDS, null, due,
                WorkItemPriority.ROUTINE,
                SuiteResult.classification("referral", confidence, List.of("cover sheet says 'Referral'")),
                null, List.of(WorkItemLink.fhir("DocumentReference/fax-syn-3", "inbound fax, 3 pages")));
    }

    static Instant inHours(Instant from, long hours) {
        return from.plus(Duration.ofHours(hours));
    }
}
