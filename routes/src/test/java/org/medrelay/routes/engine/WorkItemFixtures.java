package org.medrelay.routes.engine;

import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.SuiteResult;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;

import java.time.Instant;
import java.util.List;

/** Synthetic workflow results for the engine's work item routes: invented patients and payers only. */
final class WorkItemFixtures {

    /** Words that must never reach a log: the patient's EHR id, a name, a member id, a date of birth. */
    static final List<String> PHI = List.of("syn-zq-0429", "Zebulon", "Quixote", "SYNM-778812", "1961-07-14");

    static final PatientRef PATIENT = new PatientRef("Patient/syn-zq-0429", "5e9b21d07c3a48f1");

    private WorkItemFixtures() {
    }

    static NewWorkItem result(String workflow, WorkItemType type, WorkQueue queue, Instant due, double confidence) {
        return new NewWorkItem(type, workflow, PATIENT, queue, null, due, WorkItemPriority.URGENT,
                SuiteResult.draft(Draft.text("Dear Zebulon Quixote (born 1961-07-14): member SYNM-778812 is inactive.",
                        "text/plain"), confidence, List.of("271 EB01=6 for member SYNM-778812")),
                "REGADT|MRH_CLINIC|WI-1", List.of(WorkItemLink.fhir("Coverage/cov-syn-zq", "Zebulon's coverage")));
    }
}
