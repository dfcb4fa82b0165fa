package org.medrelay.processors.eligibility;

import org.junit.jupiter.api.Test;
import org.medrelay.mappings.x12.X12Reader;
import org.medrelay.mappings.x12.eligibility.BenefitInformation;
import org.medrelay.mappings.x12.eligibility.Eligibility271Handler;
import org.medrelay.mappings.x12.eligibility.EligibilityDate;
import org.medrelay.mappings.x12.eligibility.EligibilityResponse;
import org.medrelay.mappings.x12.eligibility.RequestValidation;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoverageGapRulesTest {

    private static final LocalDate VISIT_DAY = LocalDate.of(2026, 12, 1);
    private static final Visit OFFICE_VISIT = new Visit(VISIT_DAY, "98", new BigDecimal("200"));
    private final CoverageGapRules rules = new CoverageGapRules(Set.of(), new BigDecimal("1000"));

    @Test
    void activeCoverageWithSmallCopayIsCleanAndEstimatesTheCopay() {
        EligibilityResponse response = response(List.of(eb("1", "30", ""), amount("B", "98", "27", "25")), List.of(), List.of());
        EligibilityAssessment assessment = rules.assess(response, OFFICE_VISIT);
        assertTrue(assessment.clean(), assessment.gaps().toString());
        assertEquals(new BigDecimal("25.00"), assessment.responsibility().estimate());
    }

    @Test
    void inactiveCoverageBecomesFrontDeskGap() {
        EligibilityAssessment assessment = rules.assess(response(List.of(eb("6", "30", "")), List.of(), List.of()), OFFICE_VISIT);
        assertEquals(GapKind.COVERAGE_INACTIVE, only(assessment).kind());
        assertEquals("the payer reports the coverage inactive (EB01 6)", only(assessment).reason());
    }

    @Test
    void coverageEndingBeforeTheVisitIsAGap() {
        List<EligibilityDate> dates = List.of(new EligibilityDate("347", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30)));
        EligibilityAssessment assessment = rules.assess(response(List.of(eb("1", "30", "")), dates, List.of()), OFFICE_VISIT);
        assertEquals(GapKind.COVERAGE_ENDS_BEFORE_VISIT, only(assessment).kind());
        assertEquals("the coverage ends on 2026-11-30, before the visit on 2026-12-01", only(assessment).reason());
    }

    @Test
    void invalidMemberIdAndSubscriberNotFoundAreMemberGaps() {
        for (String reason : List.of("72", "75")) {
            EligibilityAssessment assessment = rules.assess(response(List.of(), List.of(),
                    List.of(new RequestValidation("2100C", "Y", reason, "C"))), OFFICE_VISIT);
            assertEquals(GapKind.MEMBER_NOT_FOUND, only(assessment).kind());
            assertTrue(only(assessment).reason().startsWith("the payer answered AAA " + reason), only(assessment).reason());
            assertTrue(only(assessment).askPatient().contains("member id"));
        }
    }

    @Test
    void planOutsideTheAcceptedListIsAGap() {
        CoverageGapRules acceptingGold = new CoverageGapRules(Set.of("12345:GOLD PLAN", "67890"), new BigDecimal("1000"));
        EligibilityResponse silver = response(List.of(plan("SILVER PLAN")), List.of(), List.of());
        assertEquals(GapKind.PLAN_NOT_ACCEPTED, only(acceptingGold.assess(silver, OFFICE_VISIT)).kind());
        assertEquals("plan SILVER PLAN of payer 12345 is not in the practice's accepted plans",
                only(acceptingGold.assess(silver, OFFICE_VISIT)).reason());
        assertTrue(acceptingGold.assess(response(List.of(plan("GOLD PLAN")), List.of(), List.of()), OFFICE_VISIT).clean());
    }

    @Test
    void serviceTypeNotCoveredIsAGap() {
        EligibilityResponse response = response(List.of(eb("1", "30", ""), eb("I", "AL", "")), List.of(), List.of());
        EligibilityAssessment assessment = rules.assess(response, new Visit(VISIT_DAY, "AL", new BigDecimal("150")));
        assertEquals(GapKind.SERVICE_NOT_COVERED, only(assessment).kind());
    }

    @Test
    void priorAuthorizationRequiredIsAGap() {
        EligibilityResponse response = response(List.of(eb("1", "30", ""), eb("1", "62", "Y")), List.of(), List.of());
        EligibilityAssessment assessment = rules.assess(response, new Visit(VISIT_DAY, "62", new BigDecimal("900")));
        assertEquals(GapKind.PRIOR_AUTHORIZATION_REQUIRED, only(assessment).kind());
        assertEquals("the payer requires authorization for service type 62 (EB11 Y on EB01 1)", only(assessment).reason());
    }

    @Test
    void highRemainingDeductibleIsAGapWithTheEstimate() {
        EligibilityResponse response = response(List.of(eb("1", "30", ""), amount("C", "30", "23", "2000"),
                amount("C", "30", "29", "1500"), percent("A", "98", "0.2"), amount("B", "98", "27", "35"),
                amount("G", "30", "29", "5200")), List.of(), List.of());
        EligibilityAssessment assessment = rules.assess(response, OFFICE_VISIT);
        assertEquals(GapKind.HIGH_DEDUCTIBLE, only(assessment).kind());
        assertEquals("the remaining deductible is 1500.00, at or above the practice's threshold of 1000.00", only(assessment).reason());
        // copay 35 + the whole charge of 200 to the deductible, capped at the charge
        assertEquals(new BigDecimal("200.00"), assessment.responsibility().estimate());
        assertEquals("estimated patient responsibility 200.00 of an expected charge of 200.00: copay 35.00; deductible remaining"
                + " 1500.00; coinsurance 20 %; out-of-pocket remaining 5200.00", assessment.responsibility().describe());
    }

    @Test
    void coinsuranceAppliesAfterDeductibleAndCopay() {
        EligibilityResponse response = response(List.of(eb("1", "30", ""), amount("C", "30", "29", "100"),
                percent("A", "98", "0.2"), amount("B", "98", "27", "20")), List.of(), List.of());
        // 20 copay + 100 deductible + 20 % of (500 - 100 - 20) = 196
        assertEquals(new BigDecimal("196.00"), rules.assess(response, new Visit(VISIT_DAY, "98", new BigDecimal("500")))
                .responsibility().estimate());
    }

    @Test
    void theSample271WithBenefitsGivesItsGapsForAnMriVisit() throws Exception {
        List<EligibilityResponse> responses = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/medrelay-test-data/x12/271/271-benefits-and-gaps.x12")) {
            new X12Reader().read(in, new Eligibility271Handler(responses::add));
        }
        EligibilityAssessment assessment = rules.assess(responses.get(0), new Visit(VISIT_DAY, "62", new BigDecimal("900")));
        assertEquals(List.of(GapKind.PRIOR_AUTHORIZATION_REQUIRED, GapKind.HIGH_DEDUCTIBLE),
                assessment.gaps().stream().map(CoverageGap::kind).toList());
    }

    private static CoverageGap only(EligibilityAssessment assessment) {
        assertEquals(1, assessment.gaps().size(), assessment.gaps().toString());
        return assessment.gaps().get(0);
    }

    private static EligibilityResponse response(List<BenefitInformation> benefits, List<EligibilityDate> dates,
                                                List<RequestValidation> rejections) {
        return new EligibilityResponse("0001", Optional.of(VISIT_DAY), new EligibilityResponse.Party("NOTREAL HEALTH PLAN", "PI", "12345"),
                new EligibilityResponse.Party("TESTCLINIC", "XX", "1234567893"),
                List.of(new EligibilityResponse.TraceNumber("2", "TRACE9", "9MEDRELAY0", "")),
                new EligibilityResponse.Member("TESTPATIENT", "ALICE", "MI", "W123", Optional.empty(), "F"), Optional.empty(),
                List.of(), dates, rejections, benefits);
    }

    private static BenefitInformation eb(String code, String serviceType, String authorization) {
        return new BenefitInformation(code, "IND", List.of(serviceType), "", "", "", Optional.empty(), Optional.empty(), "",
                Optional.empty(), authorization, "", List.of(), List.of(), List.of());
    }

    private static BenefitInformation plan(String name) {
        return new BenefitInformation("1", "IND", List.of("30"), "", name, "", Optional.empty(), Optional.empty(), "",
                Optional.empty(), "", "", List.of(), List.of(), List.of());
    }

    private static BenefitInformation amount(String code, String serviceType, String timePeriod, String value) {
        return new BenefitInformation(code, "IND", List.of(serviceType), "", "", timePeriod, Optional.of(new BigDecimal(value)),
                Optional.empty(), "", Optional.empty(), "", "Y", List.of(), List.of(), List.of());
    }

    private static BenefitInformation percent(String code, String serviceType, String value) {
        return new BenefitInformation(code, "IND", List.of(serviceType), "", "", "", Optional.empty(),
                Optional.of(new BigDecimal(value)), "", Optional.empty(), "", "Y", List.of(), List.of(), List.of());
    }
}
