package org.medrelay.processors.refill;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.medrelay.mappings.fhir.Hl7ToFhirMapper;
import org.medrelay.mappings.hl7v2.Hl7InputException;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.mappings.privacy.PatientKeys;

import java.util.List;
import java.util.Optional;

/**
 * Reads refill requests from what a command is given: an HL7v2 medication order (OMP^O09, RDE^O11, RDE^O25, mapped
 * to FHIR as the engine maps it) or FHIR JSON (a MedicationRequest, or a Bundle holding them and the Patient).
 */
public final class RefillRequests {

    /**
     * @param patientKey    the pseudonymous key audit entries name the patient by
     * @param sourceMessage the HL7v2 message's dedup key, or null for FHIR input
     */
    public record Input(List<MedicationRequest> requests, Optional<Patient> patient, String patientKey, String sourceMessage) {
    }

    private final FhirContext fhir;
    private final Hl7ToFhirMapper mapper;
    private final PatientKeys keys;

    public RefillRequests(FhirContext fhir, Hl7ToFhirMapper mapper, PatientKeys keys) {
        this.fhir = fhir;
        this.mapper = mapper;
        this.keys = keys;
    }

    /** @throws IllegalArgumentException saying what is wrong with the input, without quoting it */
    public Input read(String text) throws Hl7InputException {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            return fromFhir(trimmed);
        }
        if (!trimmed.startsWith("MSH")) {
            throw new IllegalArgumentException("neither an HL7v2 message (MSH first) nor FHIR JSON");
        }
        Hl7MessageHeader header = Hl7MessageHeader.scan(trimmed);
        Bundle bundle = mapper.toBundle(trimmed.replace("\r\n", "\r").replace('\n', '\r'));
        List<MedicationRequest> requests = RefillTrigger.resources(bundle, MedicationRequest.class);
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("the message " + header.messageTypeAndEvent() + " holds no medication order (RXO or RXE)");
        }
        return new Input(requests, RefillTrigger.patient(bundle), header.patientGroup(keys), header.deduplicationKey());
    }

    private Input fromFhir(String json) {
        IBaseResource resource;
        try {
            resource = fhir.newJsonParser().parseResource(json);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a FHIR R4 resource: " + e.getClass().getSimpleName());
        }
        List<MedicationRequest> requests;
        Optional<Patient> patient = Optional.empty();
        if (resource instanceof MedicationRequest request) {
            requests = List.of(request);
        } else if (resource instanceof Bundle bundle) {
            requests = RefillTrigger.resources(bundle, MedicationRequest.class);
            patient = RefillTrigger.patient(bundle);
        } else {
            throw new IllegalArgumentException("a " + resource.fhirType() + ", not a MedicationRequest");
        }
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("the Bundle holds no MedicationRequest");
        }
        MedicationRequest first = requests.get(0);
        // FHIR input names the patient by EHR reference or identifier, not by HL7v2 PID-3: keyed by what it names.
        String named = first.getSubject().hasReference() ? first.getSubject().getReference()
                : first.getSubject().getIdentifier().getSystem() + "|" + first.getSubject().getIdentifier().getValue();
        return new Input(requests, patient, keys.keyOf("fhir-patient|" + named), null);
    }
}
