package org.medrelay.mappings.x12.priorauth;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.x12.X12Validator;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 278 responses read by PriorAuth278Handler and mapped to a PAS-shaped ClaimResponse: the corpus examples of the
 * 005010X217 guide (A1 approved, A6 modified with an A1 service, A4 pended) and a synthetic denial.
 */
class PriorAuth278HandlerTest {

    private static final PriorAuthClaimResponseMapper MAPPER = new PriorAuthClaimResponseMapper(Clock.systemUTC());

    @Test
    void certifiedInTotalIsApprovedWithItsAuthorizationNumberAndDates() throws Exception {
        List<PriorAuthResponse> responses = PriorAuth278Samples.file(PriorAuth278Samples.corpus("oopf__278-5010-Example_3_1_2_Response.txt"));

        assertEquals(1, responses.size());
        PriorAuthResponse response = responses.get(0);
        assertEquals("111099", response.requestTrace().orElseThrow().number());
        assertEquals("A1", response.event().actionCode());
        assertEquals("AUTH0001", response.event().certificationNumber());
        assertEquals("approved", response.caseState().orElseThrow());
        assertEquals(new ReviewPeriod(LocalDate.of(2005, 5, 2), LocalDate.of(2005, 6, 2)), response.event().certifiedPeriod().orElseThrow());

        ClaimResponse fhir = MAPPER.map(response);
        assertEquals(ClaimResponse.Use.PREAUTHORIZATION, fhir.getUse());
        assertEquals("AUTH0001", fhir.getPreAuthRef());
        assertEquals(ClaimResponse.RemittanceOutcome.COMPLETE, fhir.getOutcome());
        assertEquals("111099", fhir.getRequest().getIdentifier().getValue());
        assertEquals("2005-05-02", fhir.getPreAuthPeriod().getStartElement().getValueAsString());
        assertEquals("2005-06-02", fhir.getPreAuthPeriod().getEndElement().getValueAsString());
        assertEquals("789312", fhir.getInsurer().getIdentifier().getValue());
        assertEquals(1, fhir.getItem().size(), "no 2000F: the event is the one item");
        assertEquals("A1", reviewActionCode(fhir.getItemFirstRep()));
        assertEquals("AUTH0001", ((StringType) reviewAction(fhir.getItemFirstRep()).getExtensionByUrl("number").getValue()).getValue());
    }

    @Test
    void modifiedEventWithACertifiedServiceIsApprovedPerService() throws Exception {
        PriorAuthResponse response = PriorAuth278Samples.file(PriorAuth278Samples.corpus("oopf__278-5010-Example_3_2_2_Response.txt")).get(0);

        assertEquals("A6", response.event().actionCode());
        assertEquals("approved", response.caseState().orElseThrow());
        assertEquals(new ReviewLevel.Quantity("DY", new BigDecimal("5")), response.event().quantity().orElseThrow(), "HSD*DY*5: five days");
        ReviewLevel service = response.services().get(0);
        assertEquals("A1", service.actionCode());
        assertEquals(new ReviewLevel.Procedure("SV2", "HC", "33510"), service.procedure().orElseThrow());
        assertEquals(new ReviewPeriod(LocalDate.of(2005, 5, 16), LocalDate.of(2005, 5, 16)), service.serviceDates().orElseThrow());

        ClaimResponse fhir = MAPPER.map(response);
        assertEquals("institutional", fhir.getType().getCodingFirstRep().getCode());
        assertEquals("AUTH0002", fhir.getPreAuthRef());
        assertEquals("A6 Modified", fhir.getDisposition());
        assertEquals("A1", reviewActionCode(fhir.getItemFirstRep()));
        assertEquals("33510", ((org.hl7.fhir.r4.model.Coding) fhir.getItemFirstRep()
                .getExtensionByUrl(PriorAuthCodeSystems.SERVICE_PROCEDURE).getValue()).getCode());
    }

    @Test
    void pendedForMoreInformationIsQueuedWithItsReasonAndReference() throws Exception {
        PriorAuthResponse response = PriorAuth278Samples.file(PriorAuth278Samples.corpus("oopf__278-5010-Example_3_3_2_Response.txt")).get(0);

        assertEquals("pended", response.caseState().orElseThrow());
        assertEquals("0U", response.event().reasonCode());
        assertEquals("", response.event().certificationNumber());
        assertEquals("P20030216001", response.event().administrativeReference());
        assertEquals("YZZ099", response.requestTrace().orElseThrow().number());

        ClaimResponse fhir = MAPPER.map(response);
        assertEquals(ClaimResponse.RemittanceOutcome.QUEUED, fhir.getOutcome());
        assertTrue(!fhir.hasPreAuthRef(), "no authorization number while pended");
        assertEquals("A4 Pended, reason 0U", fhir.getDisposition());
        Extension review = reviewAction(fhir.getItemFirstRep());
        assertEquals("0U", ((CodeableConcept) review.getExtensionByUrl("reasonCode").getValue()).getCodingFirstRep().getCode());
    }

    @Test
    void aRequestIsNotAResponse() throws Exception {
        assertTrue(PriorAuth278Samples.file(PriorAuth278Samples.corpus("oopf__278-5010-Example_3_1_1_Request.txt")).isEmpty());
    }

    @Test
    void partialCertificationDeniesOneServiceAndCertifiesTheOtherWithItsUnitsAndDates() throws Exception {
        String x12 = PriorAuth278Samples.DENIAL_AND_APPROVAL;
        var report = new X12Validator().validate(new ByteArrayInputStream(x12.getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(report.valid(), String.join("\n", report.describe()));

        PriorAuthResponse response = PriorAuth278Samples.text(x12).get(0);
        assertEquals("PA0000042", response.requestTrace().orElseThrow().number(), "TRN*2, not the UMO's TRN*1");
        assertEquals(List.of("2010B"), response.rejections().stream().map(r -> r.loop()).toList());
        ReviewLevel mri = response.services().get(0);
        ReviewLevel therapy = response.services().get(1);
        assertEquals(ReviewAction.NOT_CERTIFIED, mri.action().orElseThrow());
        assertEquals("denied", mri.action().orElseThrow().caseState());
        assertEquals("CB", mri.reasonCode());
        assertEquals(new ReviewLevel.Quantity("UN", new BigDecimal("12")), therapy.quantity().orElseThrow());
        assertEquals(new ReviewPeriod(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 28)), therapy.certifiedPeriod().orElseThrow());

        ClaimResponse fhir = MAPPER.map(response);
        assertEquals(ClaimResponse.RemittanceOutcome.PARTIAL, fhir.getOutcome());
        assertEquals("AUTH77810", fhir.getPreAuthRef());
        assertEquals("1234567893", fhir.getRequestor().getIdentifier().getValue());
        assertEquals(PriorAuthCodeSystems.NPI, fhir.getRequestor().getIdentifier().getSystem());
        assertEquals("A3", reviewActionCode(fhir.getItem().get(0)));
        assertEquals("A1", reviewActionCode(fhir.getItem().get(1)));
        assertEquals(new BigDecimal("12"), fhir.getItem().get(1).getAdjudicationFirstRep().getValue());
        Period therapyPeriod = (Period) fhir.getItem().get(1).getExtensionByUrl(PriorAuthCodeSystems.ITEM_PRE_AUTH_PERIOD).getValue();
        assertEquals("2027-02-28", therapyPeriod.getEndElement().getValueAsString());
        assertEquals("51", fhir.getErrorFirstRep().getCode().getCodingFirstRep().getCode());
        assertEquals("Provider Not on File", fhir.getErrorFirstRep().getCode().getCodingFirstRep().getDisplay());
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(fhir);
        assertTrue(json.contains("\"url\":\"" + PriorAuthCodeSystems.REVIEW_ACTION + "\""), json);
    }

    @Test
    void aRejectedRequestWithoutAReviewIsAnError() throws Exception {
        String rejected = PriorAuth278Samples.DENIAL_AND_APPROVAL
                .replace("HCR*A2*AUTH77810~\n", "").replace("HCR*A3**CB~\n", "").replace("HCR*A1*AUTH77811~\n", "")
                .replace("SE*27*", "SE*24*");

        PriorAuthResponse response = PriorAuth278Samples.text(rejected).get(0);
        ClaimResponse fhir = MAPPER.map(response);

        assertTrue(response.caseState().isEmpty());
        assertEquals(ClaimResponse.RemittanceOutcome.ERROR, fhir.getOutcome());
        assertTrue(fhir.getItem().stream().allMatch(item -> reviewAction(item) == null));
    }

    static Extension reviewAction(ClaimResponse.ItemComponent item) {
        return item.getAdjudicationFirstRep().getExtensionByUrl(PriorAuthCodeSystems.REVIEW_ACTION);
    }

    static String reviewActionCode(ClaimResponse.ItemComponent item) {
        return ((CodeableConcept) reviewAction(item).getExtensionByUrl("reviewActionCode").getValue()).getCodingFirstRep().getCode();
    }
}
