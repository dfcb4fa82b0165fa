package org.medrelay.mappings.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.medrelay.mappings.hl7v2.SyntheticSamples.bytes;

class ResultsAndDocumentsToFhirTest {

    private static final Hl7ToFhirMapper MAPPER = new Hl7ToFhirMapper();

    @Test
    void numericResultIsAQuantityWithUcumUnitRangeAndInterpretation() throws Exception {
        List<Observation> observations = Bundles.all(MAPPER.toBundle(bytes("oru-r01-result-zseg-escapes.hl7")),
                Observation.class);
        Observation wbc = observations.get(1);

        assertEquals("6690-2", wbc.getCode().getCodingFirstRep().getCode());
        assertEquals(0, new BigDecimal("11.8").compareTo(wbc.getValueQuantity().getValue()));
        assertEquals("10*3/uL", wbc.getValueQuantity().getUnit());
        assertEquals("http://unitsofmeasure.org", wbc.getValueQuantity().getSystem());
        assertEquals("4.0-11.0", wbc.getReferenceRangeFirstRep().getText());
        assertEquals("H", wbc.getInterpretationFirstRep().getCodingFirstRep().getCode());
        assertEquals(Observation.ObservationStatus.FINAL, wbc.getStatus());
        assertEquals("2026-11-05T09:30:00Z", wbc.getEffectiveDateTimeType().getValueAsString());
    }

    @Test
    void codedAndTextResultsKeepTheirTypeAndDecodedText() throws Exception {
        List<Observation> observations = Bundles.all(MAPPER.toBundle(bytes("oru-r01-result-zseg-escapes.hl7")),
                Observation.class);

        assertEquals("278149003", observations.get(2).getValueCodeableConcept().getCodingFirstRep().getCode());
        assertEquals("Sample slightly hemolyzed & re-spun. Ratio 1^2|ok\\done",
                observations.get(3).getValueStringType().getValue());
    }

    @Test
    void reportListsItsObservationsAndIsKeyedOnTheFillerNumber() throws Exception {
        Bundle bundle = MAPPER.toBundle(bytes("oru-r01-result-zseg-escapes.hl7"));
        DiagnosticReport report = Bundles.only(bundle, DiagnosticReport.class);
        List<Observation> observations = Bundles.all(bundle, Observation.class);

        assertEquals(DiagnosticReport.DiagnosticReportStatus.FINAL, report.getStatus());
        assertEquals(observations.stream().map(o -> Bundles.fullUrlOf(bundle, o)).toList(),
                report.getResult().stream().map(Reference::getReference).toList());
        assertEquals("PUT DiagnosticReport?identifier=urn:medrelay:hl7:id:MRH_LAB|LAB3001",
                Bundles.requestUrls(bundle).get(2));
        assertEquals("PUT Observation?identifier=urn:medrelay:hl7:id:MRH_LAB|LAB3001-1",
                Bundles.requestUrls(bundle).get(3));
    }

    @Test
    void documentTextBecomesAPlainTextAttachment() throws Exception {
        Bundle bundle = MAPPER.toBundle(bytes("mdm-t02-document.hl7"));
        DocumentReference document = Bundles.only(bundle, DocumentReference.class);

        assertEquals("PUT DocumentReference?identifier=urn:medrelay:hl7:id:MRH_DOCS|DOC8001",
                Bundles.requestUrls(bundle).get(2));
        assertEquals("CN", document.getType().getCodingFirstRep().getCode());
        assertEquals(DocumentReference.ReferredDocumentStatus.FINAL, document.getDocStatus());
        assertEquals("2026-11-13T15:30:00Z", document.getDateElement().getValueAsString());
        var attachment = document.getContentFirstRep().getAttachment();
        assertEquals("text/plain", attachment.getContentType());
        assertEquals("Synthetic consultation note for a fictional patient.\n"
                + "Plan: continue metformin, recheck A1c in 3 months.",
                new String(attachment.getData(), StandardCharsets.UTF_8));
        assertEquals("Evan Physician", document.getAuthorFirstRep().getDisplay());
    }

    @Test
    void anEncapsulatedPdfBecomesAnAttachmentOfItsOwnType() throws Exception {
        String mdm = "MSH|^~\\&|TX|MRH|MEDRELAY|EHR|20261101||MDM^T02|D1|P|2.5\rPID|1||MRN1^^^MRH^MR\r"
                + "TXA|1|DS|AP|20261101||||||||DOC9^MRH_DOCS||||AU\r"
                + "OBX|1|ED|PDF^Report^L||^AP^PDF^Base64^JVBERi0xLjQK\r";

        DocumentReference document = Bundles.only(MAPPER.toBundle(mdm), DocumentReference.class);

        assertEquals("application/pdf", document.getContentFirstRep().getAttachment().getContentType());
        assertEquals("%PDF-1.4\n", new String(document.getContentFirstRep().getAttachment().getData(),
                StandardCharsets.US_ASCII));
    }
}
