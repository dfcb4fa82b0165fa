package org.medrelay.processors.refill;

import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.medrelay.processors.drafting.DraftKind;
import org.medrelay.processors.drafting.DraftRequest;
import org.medrelay.processors.drafting.DraftingModel;
import org.medrelay.processors.drafting.PatientContext;
import org.medrelay.processors.review.PatientRef;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Drafts a message to a patient with the drafting model (the template backend by default: one template per kind, an
 * operator may replace it). The context holds the Patient and what the template may name; the templates name no
 * drug, result or diagnosis, because the message may go by text or email.
 */
public final class PatientMessages {

    /** Asks the patient to book a visit before a prescription can be refilled. */
    public static final DraftKind REFILL_VISIT = DraftKind.of("refill-visit-message");

    private final DraftingModel model;
    private final Clock clock;

    public PatientMessages(DraftingModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
    }

    /** @param extra resources of this patient the template may use (an Appointment) */
    public String draft(DraftKind kind, PatientRef patient, Patient resource, List<? extends Resource> extra, String instructions) {
        PatientContext context = PatientContext.builder(patient).patient(resource).addAll(extra).build();
        return model.draft(new DraftRequest(kind, context, instructions, LocalDate.now(clock))).text();
    }
}
