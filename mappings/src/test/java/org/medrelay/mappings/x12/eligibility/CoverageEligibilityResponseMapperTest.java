package org.medrelay.mappings.x12.eligibility;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.BenefitComponent;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.InsuranceComponent;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.ItemsComponent;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoverageEligibilityResponseMapperTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private final CoverageEligibilityResponseMapper mapper = new CoverageEligibilityResponseMapper(CLOCK);

    @Test
    void benefitsOfA271BecomeItemsPerServiceTypeWithCopayCoinsuranceDeductibleAndOutOfPocket() {
        List<EligibilityResponse> responses = Eligibility271Samples.sample("271/271-benefits-and-gaps.x12");
        assertEquals(1, responses.size());
        EligibilityResponse response = responses.get(0);
        assertEquals("TRACE2", response.requestTrace().orElseThrow());
        assertEquals("W456", response.subscriber().id());
        assertEquals(LocalDate.of(1975, 2, 2), response.subscriber().birthDate().orElseThrow());
        assertEquals("SILVERPPO01", response.reference("18").orElseThrow());
        assertEquals(9, response.benefits().size());

        CoverageEligibilityResponse fhir = mapper.map(response);
        assertEquals("TRACE2", fhir.getRequest().getIdentifier().getValue());
        assertEquals("TRACE2", fhir.getIdentifierFirstRep().getValue());
        assertEquals("12345", fhir.getInsurer().getIdentifier().getValue());
        assertEquals(Enumerations.RemittanceOutcome.COMPLETE, fhir.getOutcome());
        InsuranceComponent insurance = fhir.getInsuranceFirstRep();
        assertTrue(insurance.getInforce());
        assertEquals("2026-01-01", day(insurance.getBenefitPeriod().getStartElement().getValueAsString()));
        assertEquals("2026-12-31", day(insurance.getBenefitPeriod().getEndElement().getValueAsString()));

        ItemsComponent officeVisit = item(insurance, "98");
        assertEquals("in", officeVisit.getNetwork().getCodingFirstRep().getCode());
        assertEquals("individual", officeVisit.getUnit().getCodingFirstRep().getCode());
        assertFalse(officeVisit.getAuthorizationRequired());
        assertEquals("COPAY PER OFFICE VISIT", officeVisit.getDescription());
        assertEquals(new BigDecimal("35"), benefit(officeVisit, "B").getAllowedMoney().getValue());
        assertEquals("copay", benefit(officeVisit, "B").getType().getCoding().get(1).getCode());
        assertEquals(20, benefit(officeVisit, "A").getAllowedUnsignedIntType().getValue());

        ItemsComponent plan = item(insurance, "30");
        BenefitComponent deductible = benefit(plan, "C");
        assertEquals(new BigDecimal("2000"), deductible.getAllowedMoney().getValue());
        assertEquals(new BigDecimal("500"), deductible.getUsedMoney().getValue());
        BenefitComponent deductibleLeft = plan.getBenefit().get(1);
        assertEquals(new BigDecimal("1500"), ((Money) deductibleLeft.getExtensionByUrl(EligibilityCodeSystems.REMAINING_EXTENSION).getValue()).getValue());
        BenefitComponent outOfPocket = benefit(plan, "G");
        assertEquals(new BigDecimal("6000"), outOfPocket.getAllowedMoney().getValue());
        assertEquals(new BigDecimal("800"), outOfPocket.getUsedMoney().getValue());

        assertTrue(item(insurance, "62").getAuthorizationRequired());
        assertTrue(item(insurance, "AL").getExcluded());
        // the resource serialises as valid R4 JSON
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(fhir);
        assertTrue(json.contains("\"resourceType\":\"CoverageEligibilityResponse\""));
    }

    @Test
    void aaaRejectionBecomesAnErrorCodedWithItsRejectReason() {
        EligibilityResponse response = Eligibility271Samples.sample("271/271-rejected-invalid-member-id.x12").get(0);
        assertEquals("72", response.rejections().get(0).rejectReason());
        assertEquals("2100C", response.rejections().get(0).loop());
        assertTrue(response.rejections().get(0).memberNotFound());

        CoverageEligibilityResponse fhir = mapper.map(response);
        assertEquals(Enumerations.RemittanceOutcome.ERROR, fhir.getOutcome());
        assertEquals("72", fhir.getErrorFirstRep().getCode().getCodingFirstRep().getCode());
        assertEquals(EligibilityCodeSystems.REJECT_REASON, fhir.getErrorFirstRep().getCode().getCodingFirstRep().getSystem());
        assertEquals("Invalid/Missing Subscriber/Insured ID", fhir.getErrorFirstRep().getCode().getCodingFirstRep().getDisplay());
        assertFalse(fhir.hasInsurance());
    }

    @Test
    void activeCoverageSampleIsInForceWithItsDeductibleAndCopay() {
        EligibilityResponse response = Eligibility271Samples.sample("271/271-active-coverage.x12").get(0);
        CoverageEligibilityResponse fhir = mapper.map(response);
        InsuranceComponent insurance = fhir.getInsuranceFirstRep();
        assertTrue(insurance.getInforce());
        assertEquals("GOLD PLAN", insurance.getCoverage().getDisplay());
        assertEquals(new BigDecimal("500"), benefit(item(insurance, "30"), "C").getAllowedMoney().getValue());
        assertEquals(new BigDecimal("25"), benefit(item(insurance, "98"), "B").getAllowedMoney().getValue());
        assertEquals("active coverage", fhir.getDisposition());
    }

    @Test
    void inactiveCoverageIsNotInForce() {
        EligibilityResponse active = Eligibility271Samples.sample("271/271-active-coverage.x12").get(0);
        BenefitInformation inactive = new BenefitInformation("6", "IND", List.of("30"), "", "", "", java.util.Optional.empty(),
                java.util.Optional.empty(), "", java.util.Optional.empty(), "", "", List.of(), List.of(), List.of());
        EligibilityResponse response = new EligibilityResponse(active.transactionControlNumber(), active.created(), active.payer(),
                active.provider(), active.traces(), active.subscriber(), active.dependent(), active.references(), active.dates(),
                List.of(), List.of(inactive));
        assertFalse(mapper.map(response).getInsuranceFirstRep().getInforce());
    }

    @Test
    void dependentResponseCarriesTheSubscribersTraceAndNamesTheDependent() throws Exception {
        java.nio.file.Path file = CorpusFiles.x12("271/tigershark__271-example-dependent-rejection.txt");
        List<EligibilityResponse> responses = Eligibility271Samples.file(file);
        EligibilityResponse subscriber = responses.get(0);
        assertEquals("333333333", subscriber.requestTrace().orElseThrow());
        assertEquals("72", subscriber.rejections().get(0).rejectReason());
        EligibilityResponse dependent = responses.get(1);
        assertEquals("DOE", dependent.patient().lastName());
        assertEquals("R11111111", dependent.subscriber().id());
    }

    private static String day(String fhirDate) {
        return fhirDate.substring(0, 10);
    }

    private static ItemsComponent item(InsuranceComponent insurance, String serviceType) {
        return insurance.getItem().stream()
                .filter(i -> serviceType.equals(i.getCategory().getCodingFirstRep().getCode()))
                .findFirst().orElseThrow(() -> new AssertionError("no item for service type " + serviceType));
    }

    private static BenefitComponent benefit(ItemsComponent item, String eb01) {
        return item.getBenefit().stream()
                .filter(b -> eb01.equals(b.getType().getCodingFirstRep().getCode()))
                .findFirst().orElseThrow(() -> new AssertionError("no EB01 " + eb01 + " benefit"));
    }
}
