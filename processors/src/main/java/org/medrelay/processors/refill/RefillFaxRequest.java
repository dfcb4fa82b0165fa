package org.medrelay.processors.refill;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.medrelay.processors.fax.FaxClassification;
import org.medrelay.processors.fax.FaxFields;
import org.medrelay.processors.fax.FaxType;

import java.time.Instant;
import java.util.Date;

/**
 * The bridge from fax intake to refill triage: the fields read off a fax classified {@code refill-request} become the
 * MedicationRequest {@link RefillTriage} reads, so a pharmacy's faxed request is triaged like an OMP^O09. The fax route
 * (patient match, filing) is fax intake's; it hands over the matched patient and, when it matched one, the prescriber.
 */
public final class RefillFaxRequest {

    private RefillFaxRequest() {
    }

    /**
     * @param patientReference the EHR's Patient the fax was matched to ({@code Patient/12})
     * @param prescriber       the prescriber the fax was matched to (a Practitioner reference or NPI identifier), or null:
     *                         then only the name on the fax is kept, and triage says the request names no prescriber
     * @throws IllegalArgumentException when the fax is not a refill request or names no medication
     */
    public static MedicationRequest of(FaxClassification classification, String patientReference, Reference prescriber,
                                       Instant receivedAt) {
        if (classification.type() != FaxType.REFILL_REQUEST) {
            throw new IllegalArgumentException("the fax is classified " + classification.type().word() + ", not refill-request");
        }
        FaxFields fields = classification.fields();
        if (fields.medication() == null || fields.medication().isBlank()) {
            throw new IllegalArgumentException("the refill fax names no medication");
        }
        MedicationRequest request = new MedicationRequest();
        request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.getMedicationCodeableConcept().setText(fields.medication().strip());
        request.setSubject(new Reference(patientReference));
        request.setAuthoredOnElement(new DateTimeType(Date.from(receivedAt)));
        if (prescriber != null) {
            request.setRequester(prescriber);
        } else if (fields.provider() != null) {
            request.setRequester(new Reference().setDisplay(fields.provider()));
        }
        request.addNote().setText("refill request received by fax");
        return request;
    }
}
