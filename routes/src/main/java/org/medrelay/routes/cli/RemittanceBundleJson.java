package org.medrelay.routes.cli;

import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.medrelay.mappings.x12.X12Handler;
import org.medrelay.mappings.x12.X12Segment;
import org.medrelay.mappings.x12.remittance.DenialCategorizer;
import org.medrelay.mappings.x12.remittance.RemittanceReader;
import org.medrelay.mappings.x12.remittance.RemittanceToFhirMapper;

import java.util.ArrayList;
import java.util.List;

/** An 835 as a FHIR R4 Bundle (type collection) of one ExplanationOfBenefit per claim (CLP). */
final class RemittanceBundleJson implements TransactionJson {

    private final List<ExplanationOfBenefit> benefits = new ArrayList<>();
    private final X12Handler remittance;
    private String transactionControlNumber = "";

    RemittanceBundleJson() {
        RemittanceToFhirMapper mapper = RemittanceToFhirMapper.shipped();
        DenialCategorizer categorizer = DenialCategorizer.shipped();
        remittance = RemittanceReader.segmentHandler(
                (advice, claim) -> benefits.add(mapper.map(advice, claim, categorizer.categorize(claim))));
    }

    @Override
    public void segment(X12Segment segment) {
        if ("ST".equals(segment.id())) {
            transactionControlNumber = segment.element(2);
        }
        remittance.segment(segment);
    }

    @Override
    public String json(X12Envelope envelope) {
        return TransactionBundles.json(envelope, transactionControlNumber, benefits);
    }
}
