package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Identifier;
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
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setIdentifier(new Identifier().setSystem("urn:medrelay:x12:interchange:" + envelope.sender())
                .setValue(envelope.interchangeControlNumber() + "-" + envelope.groupControlNumber() + "-"
                        + transactionControlNumber));
        benefits.forEach(benefit -> bundle.addEntry().setResource(benefit));
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
    }
}
