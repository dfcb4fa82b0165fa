package org.medrelay.routes.cli;

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
        return TransactionBundles.json(envelope,
                responses.stream().findFirst().map(EligibilityResponse::transactionControlNumber).orElse(""),
                responses.stream().map(mapper::map).toList());
    }
}
