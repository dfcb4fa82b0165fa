package org.medrelay.routes.cli;

import org.hl7.fhir.r4.model.Claim;
import org.medrelay.mappings.x12.X12Handler;
import org.medrelay.mappings.x12.X12Segment;
import org.medrelay.mappings.x12.claims.ClaimReader;
import org.medrelay.mappings.x12.claims.ClaimToFhirMapper;

import java.util.ArrayList;
import java.util.List;

/** An 837 as a FHIR R4 Bundle (type collection) of one Claim (use claim) per CLM. */
final class ClaimBundleJson implements TransactionJson {

    private final List<Claim> claims = new ArrayList<>();
    private final X12Handler reader;
    private String transactionControlNumber = "";

    ClaimBundleJson() {
        ClaimToFhirMapper mapper = new ClaimToFhirMapper();
        reader = ClaimReader.segmentHandler(claim -> claims.add(mapper.map(claim)));
    }

    @Override
    public void segment(X12Segment segment) {
        if ("ST".equals(segment.id())) {
            transactionControlNumber = segment.element(2);
        }
        reader.segment(segment);
    }

    @Override
    public String json(X12Envelope envelope) {
        return TransactionBundles.json(envelope, transactionControlNumber, claims);
    }
}
