package org.medrelay.routes.cli;

import org.medrelay.mappings.x12.X12Segment;
import org.medrelay.mappings.x12.priorauth.PriorAuth278Handler;
import org.medrelay.mappings.x12.priorauth.PriorAuthClaimResponseMapper;
import org.medrelay.mappings.x12.priorauth.PriorAuthResponse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A 278: a response (BHT02 11) as a FHIR R4 Bundle (type collection) of its ClaimResponse (use preauthorization);
 * a request, which has no decision to map, as its envelope and segments like any other transaction set.
 */
final class PriorAuthResponseBundleJson implements TransactionJson {

    private final List<PriorAuthResponse> responses = new ArrayList<>();
    private final PriorAuth278Handler handler = new PriorAuth278Handler(responses::add);
    private final SegmentSummaryJson request = new SegmentSummaryJson();
    private final PriorAuthClaimResponseMapper mapper = new PriorAuthClaimResponseMapper(Clock.systemDefaultZone());

    @Override
    public void segment(X12Segment segment) {
        handler.segment(segment);
        request.segment(segment);
    }

    @Override
    public String json(X12Envelope envelope) {
        if (responses.isEmpty()) {
            return request.json(envelope);
        }
        return TransactionBundles.json(envelope, responses.get(0).transactionControlNumber(),
                responses.stream().map(mapper::map).toList());
    }
}
