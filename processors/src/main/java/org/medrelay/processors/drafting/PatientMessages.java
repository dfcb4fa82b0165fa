package org.medrelay.processors.drafting;

import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
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

    /** Refills: asks the patient to book a visit before a prescription can be refilled. */
    public static final DraftKind REFILL_VISIT = DraftKind.of("refill-visit-message");
    /** No-show recovery: to a patient who missed a visit, asking them to rebook. */
    public static final DraftKind NO_SHOW_OUTREACH = DraftKind.of("no-show-outreach");
    /** No-show recovery: to a patient whose visit was cancelled, asking them to rebook. */
    public static final DraftKind CANCELLATION_OUTREACH = DraftKind.of("cancellation-outreach");
    /** No-show recovery: offers a freed slot to a patient on the waitlist. */
    public static final DraftKind WAITLIST_OFFER = DraftKind.of("waitlist-offer");

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

    /**
     * The kind's variant for a visit type when the template backend has one ({@code no-show-outreach-followup.ftl}
     * for FOLLOWUP), else the kind itself. A model endpoint is always asked for the variant.
     */
    public String draftForVisitType(DraftKind kind, String visitType, PatientRef patient, Patient resource,
                                    List<? extends Resource> extra) {
        String suffix = visitType.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (!suffix.isEmpty() && kind.code().length() + 1 + suffix.length() <= 60) {
            try {
                return draft(DraftKind.of(kind.code() + "-" + suffix), patient, resource, extra, "");
            } catch (DraftingModelException e) {
                if (!e.getMessage().startsWith("no template ")) {
                    throw e;
                }
            }
        }
        return draft(kind, patient, resource, extra, "");
    }
}
