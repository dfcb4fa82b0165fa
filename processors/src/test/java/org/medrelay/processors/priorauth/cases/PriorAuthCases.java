package org.medrelay.processors.priorauth.cases;

import org.medrelay.processors.priorauth.OrderedService;
import org.medrelay.processors.priorauth.PayerPlan;
import org.medrelay.processors.priorauth.PriorAuthDecision;
import org.medrelay.processors.priorauth.SubmissionChannel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Synthetic decisions and patients for case tests. */
final class PriorAuthCases {

    static final String PATIENT_KEY = "5eed0000aaaa1111bbbb2222cccc3333";

    private PriorAuthCases() {
    }

    static PriorAuthDecision mriDecision(String order) {
        return new PriorAuthDecision(order, new OrderedService("CPT", "70551", "MRI brain without contrast"),
                new PayerPlan(Optional.of("12345"), Optional.of("SILVERPPO01")), true,
                "Payer 12345 requires authorization for MRI and takes requests through its Da Vinci PAS API.",
                SubmissionChannel.FHIR_PAS, 7, List.of("clinical notes from the last 60 days"),
                "priorauth/requirements.tsv line 17");
    }

    static NewPriorAuthCase mri(String order, LocalDate serviceDate, boolean expedited) {
        return new NewPriorAuthCase(mriDecision(order), "Patient/syn-pa-1", PATIENT_KEY, serviceDate, expedited);
    }
}
