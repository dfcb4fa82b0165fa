package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.medrelay.mappings.x12.X12Segment;
import org.medrelay.mappings.x12.eligibility.CoverageEligibilityResponseMapper;
import org.medrelay.mappings.x12.eligibility.Eligibility271Handler;
import org.medrelay.mappings.x12.eligibility.EligibilityResponse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A 271 as a FHIR R4 Bundle (type collection) of one CoverageEligibilityResponse per person answered. */
final class EligibilityResponseBundleJson implements TransactionJson {

    private final List<EligibilityResponse> responses = new ArrayList<>();
    private final Eligibility271Handler handler = new Eligibility271Handler(responses::add);
    private final CoverageEligibilityResponseMapper mapper = new CoverageEligibilityResponseMapper(Clock.systemDefaultZone());

    @Override
    public void segment(X12Segment segment) {
        handler.segment(segment);
    }

    @Override
    public String json(X12Envelope envelope) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setIdentifier(new Identifier().setSystem("urn:medrelay:x12:interchange:" + envelope.sender())
                .setValue(envelope.interchangeControlNumber() + "-" + envelope.groupControlNumber() + "-"
                        + responses.stream().findFirst().map(EligibilityResponse::transactionControlNumber).orElse("")));
        responses.forEach(response -> bundle.addEntry().setResource(mapper.map(response)));
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
    }
}
