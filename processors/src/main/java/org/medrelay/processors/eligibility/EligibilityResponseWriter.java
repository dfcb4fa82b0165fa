package org.medrelay.processors.eligibility;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Reference;
import org.medrelay.mappings.x12.eligibility.CoverageEligibilityResponseMapper;
import org.medrelay.mappings.x12.eligibility.EligibilityCodeSystems;
import org.medrelay.mappings.x12.eligibility.EligibilityResponse;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.fhir.AuditedFhirWriter;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Writes the CoverageEligibilityResponse a 271 response maps to into the EHR, through the audited writer: for a matched
 * request, about the request's patient (the EHR's Patient), as a conditional update on the TRN identifier so a 271
 * received twice is one resource; an unmatched response keeps the payer's member id as its patient and is tagged
 * {@value #UNMATCHED_CODE}.
 */
public class EligibilityResponseWriter {

    public static final String TAG_SYSTEM = "urn:medrelay:eligibility";
    public static final String UNMATCHED_CODE = "unmatched-271";
    private final CoverageEligibilityResponseMapper mapper;
    private final AuditedFhirWriter writer;

    public EligibilityResponseWriter(CoverageEligibilityResponseMapper mapper, AuditedFhirWriter writer) {
        this.mapper = mapper;
        this.writer = writer;
    }

    /** @return the server id, {@code CoverageEligibilityResponse/<id>} */
    public String write(EligibilityResponse response, Optional<StoredRequest> request, AuditSubject subject) throws SQLException {
        CoverageEligibilityResponse fhir = mapper.map(response);
        if (request.isPresent()) {
            fhir.setPatient(new Reference(request.get().check().patientReference()));
        } else {
            fhir.getMeta().addTag(TAG_SYSTEM, UNMATCHED_CODE, "271 matched no eligibility request by its TRN");
        }
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(fhir);
        Optional<String> trace = response.requestTrace();
        if (trace.isPresent()) {
            entry.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("CoverageEligibilityResponse?identifier="
                    + EligibilityCodeSystems.TRACE + "|" + trace.get());
        } else {
            entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("CoverageEligibilityResponse");
        }
        List<String> written = writer.write(bundle, subject);
        return written.get(0);
    }
}
