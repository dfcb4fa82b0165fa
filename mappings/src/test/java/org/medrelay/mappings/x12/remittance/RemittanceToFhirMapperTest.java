package org.medrelay.mappings.x12.remittance;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.ExplanationOfBenefit.AdjudicationComponent;
import org.hl7.fhir.r4.model.ExplanationOfBenefit.ItemComponent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each claim of an 835 as an R4 ExplanationOfBenefit, through RemittanceFhirReader as `x12 read` calls it. */
class RemittanceToFhirMapperTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static List<ExplanationOfBenefit> read() throws Exception {
        List<ExplanationOfBenefit> eobs = new ArrayList<>();
        new RemittanceFhirReader().read(new ByteArrayInputStream(
                RemittanceSamples.bytes("835/835-denials-every-category.x12")), eobs::add);
        return eobs;
    }

    private static ExplanationOfBenefit eob(String patientControlNumber) throws Exception {
        return read().stream().filter(e -> e.getIdentifierFirstRep().getValue().equals(patientControlNumber)).findFirst().orElseThrow();
    }

    @Test
    void oneExplanationOfBenefitPerClaimWithStatusOutcomeIdentifiersAndParties() throws Exception {
        assertEquals(8, read().size());
        ExplanationOfBenefit eob = eob("PATRESP-1002");

        assertEquals("active", eob.getStatus().toCode());
        assertEquals("complete", eob.getOutcome().toCode());
        assertEquals("claim", eob.getUse().toCode());
        assertEquals("professional", eob.getType().getCodingFirstRep().getCode());
        assertEquals(List.of("PATRESP-1002", "PCN0000000002"), eob.getIdentifier().stream().map(i -> i.getValue()).toList());
        assertEquals(List.of("pat", "uc"), eob.getIdentifier().stream().map(i -> i.getType().getCodingFirstRep().getCode()).toList());
        assertEquals("W100000002", eob.getPatient().getIdentifier().getValue());
        assertEquals("MB", eob.getPatient().getIdentifier().getType().getCodingFirstRep().getCode());
        assertEquals("TEST HEALTH PLAN", eob.getInsurer().getDisplay());
        assertEquals("1234567893", eob.getProvider().getIdentifier().getValue());
        assertEquals("http://hl7.org/fhir/sid/us-npi", eob.getProvider().getIdentifier().getSystem());
        assertEquals("2026-11-20", eob.getCreatedElement().getValueAsString());
        assertEquals("2026-11-01", eob.getBillablePeriod().getStartElement().getValueAsString());
        assertTrue(eob.getDisposition().startsWith("patient-responsibility: "), eob.getDisposition());
    }

    @Test
    void totalsAreBilledPaidAndMemberLiability() throws Exception {
        ExplanationOfBenefit eob = eob("PATRESP-1002");

        assertEquals(List.of("submitted 250", "benefit 150", "memberliability 60"), eob.getTotal().stream()
                .map(t -> t.getCategory().getCodingFirstRep().getCode() + " " + t.getAmount().getValue().toPlainString()).toList());
        assertEquals("partial", eob.getPayment().getType().getCodingFirstRep().getCode());
        assertEquals("EFT0000001", eob.getPayment().getIdentifier().getValue());
        assertEquals(new BigDecimal("150"), eob.getPayment().getAmount().getValue());
    }

    @Test
    void eachServiceLineIsAnItemWithOneAdjudicationPerCasTripleReasonTheCarc() throws Exception {
        ItemComponent item = eob("PATRESP-1002").getItemFirstRep();

        assertEquals("99214", item.getProductOrService().getCodingFirstRep().getCode());
        assertEquals("2026-11-01", item.getServicedDateType().getValueAsString());
        List<String> adjudications = new ArrayList<>();
        for (AdjudicationComponent a : item.getAdjudication()) {
            adjudications.add(a.getCategory().getCodingFirstRep().getCode() + (a.hasReason() ? "-" + a.getReason().getCodingFirstRep().getCode() : "")
                    + " " + a.getAmount().getValue().toPlainString());
        }
        assertEquals(List.of("submitted 250", "eligible 210", "benefit 150", "PR-1 40", "PR-2 20", "CO-45 40"), adjudications);
        AdjudicationComponent deductible = item.getAdjudication().get(3);
        assertEquals("https://x12.org/codes/claim-adjustment-reason-codes", deductible.getReason().getCodingFirstRep().getSystem());
        assertEquals("Deductible amount", deductible.getReason().getCodingFirstRep().getDisplay());
    }

    @Test
    void remarkCodesBecomeProcessNotesLinkedFromTheirItem() throws Exception {
        ExplanationOfBenefit appeal = eob("APPEAL-1004");
        assertEquals(1, appeal.getItemFirstRep().getNoteNumber().get(0).getValue());
        assertTrue(appeal.getProcessNoteFirstRep().getText().startsWith("RARC N115 (This decision was based on a Local Coverage Determination"),
                appeal.getProcessNoteFirstRep().getText());

        ExplanationOfBenefit resubmit = eob("RESUB-1003");
        assertEquals("CO", resubmit.getAdjudication().get(1).getCategory().getCodingFirstRep().getCode());
        assertEquals("16", resubmit.getAdjudication().get(1).getReason().getCodingFirstRep().getCode());
        assertTrue(resubmit.getProcessNoteFirstRep().getText().startsWith("RARC MA130"));
    }

    @Test
    void theResourceSurvivesAJsonRoundTrip() throws Exception {
        ExplanationOfBenefit eob = eob("WRITEOFF-1005");
        String json = FHIR.newJsonParser().encodeResourceToString(eob);
        ExplanationOfBenefit parsed = FHIR.newJsonParser().parseResource(ExplanationOfBenefit.class, json);

        assertEquals(2, parsed.getItem().size());
        assertEquals("97", parsed.getItem().get(1).getAdjudication().get(2).getReason().getCodingFirstRep().getCode());
        assertTrue(json.contains("\"disposition\":\"write-off: "), json);
    }
}
