package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

import java.util.List;

/**
 * The FHIR R4 Bundle (type collection) {@code medrelay x12 read} prints for a transaction set mapped to resources,
 * identified by where it came from: the sender's interchange, ISA13-GS06-ST02.
 */
final class TransactionBundles {

    private TransactionBundles() {
    }

    static String json(TransactionJson.X12Envelope envelope, String transactionControlNumber, List<? extends Resource> resources) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setIdentifier(new Identifier().setSystem("urn:medrelay:x12:interchange:" + envelope.sender())
                .setValue(envelope.interchangeControlNumber() + "-" + envelope.groupControlNumber() + "-" + transactionControlNumber));
        resources.forEach(resource -> bundle.addEntry().setResource(resource));
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
    }
}
