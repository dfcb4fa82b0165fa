package org.medrelay.processors.drafting;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One drafting call: what to draft, for which one patient, with what extra instructions, dated when. Everything
 * the draft may draw on is in these fields, so the same request always gives the same template draft.
 *
 * @param instructions what the workflow adds for this draft (e.g. "stress that the service was urgent"); may
 *                     hold PHI, so it is de-identified with the context before it goes to an endpoint that may
 *                     not see PHI. Empty for none.
 * @param date         the date the draft carries (a letter's date); explicit so that drafting is repeatable
 */
public record DraftRequest(DraftKind kind, PatientContext context, String instructions, LocalDate date) {

    public DraftRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(date, "date");
        instructions = instructions == null ? "" : instructions.strip();
    }

    public String patientKey() {
        return context.patientKey();
    }

    @Override
    public String toString() {
        return "DraftRequest[" + kind + ", " + context + ", dated " + date + "]";
    }
}
