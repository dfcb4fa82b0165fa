package org.medrelay.mappings.x12.remittance;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped rules table applied to claims: one test per category, specificity, precedence, the operator's own table. */
class DenialCategorizerTest {

    private static final RemittanceSamples.Collected SAMPLE =
            RemittanceSamples.read(RemittanceSamples.bytes("835/835-denials-every-category.x12"));
    private final DenialCategorizer categorizer = DenialCategorizer.shipped();

    private DenialDecision decide(String claim) {
        return categorizer.categorize(SAMPLE.claim(claim));
    }

    @Test
    void contractualAdjustmentOnlyIsPaid() {
        DenialDecision decision = decide("PAID-1001");
        assertEquals(DenialCategory.PAID, decision.category());
        assertEquals("CO-45", decision.adjustment().orElseThrow().code());
    }

    @Test
    void deductibleAndCoinsuranceArePatientResponsibility() {
        DenialDecision decision = decide("PATRESP-1002");
        assertEquals(DenialCategory.PATIENT_RESPONSIBILITY, decision.category());
        assertEquals("PR-1", decision.adjustment().orElseThrow().code());
        assertEquals("The patient's deductible: the amount is billed to the patient.", decision.reason());
    }

    @Test
    void co16WithMa130IsCorrectAndResubmitWithTheRemarkCodesReason() {
        DenialDecision decision = decide("RESUB-1003");
        assertEquals(DenialCategory.CORRECT_AND_RESUBMIT, decision.category());
        assertEquals(Optional.of("MA130"), decision.rarc());
        assertTrue(decision.reason().startsWith("The claim was unprocessable"), decision.reason());
    }

    @Test
    void medicalNecessityDenialUnderAnLcdIsAppeal() {
        DenialDecision decision = decide("APPEAL-1004");
        assertEquals(DenialCategory.APPEAL, decision.category());
        assertEquals(Optional.of("N115"), decision.rarc());
        assertTrue(decision.reason().contains("Local Coverage Determination"), decision.reason());
    }

    @Test
    void bundledLineIsWriteOff() {
        assertEquals(DenialCategory.WRITE_OFF, decide("WRITEOFF-1005").category());
        assertEquals(Optional.of("M15"), decide("WRITEOFF-1005").rarc());
    }

    @Test
    void oa18IsDuplicateNotToBeResubmitted() {
        DenialDecision decision = decide("DUP-1006");
        assertEquals(DenialCategory.DUPLICATE, decision.category());
        assertTrue(decision.action().startsWith("Do not resubmit"), decision.action());
    }

    @Test
    void co29IsTimelyFilingAppealableOnlyWithProof() {
        DenialDecision decision = decide("TIMELY-1007");
        assertEquals(DenialCategory.TIMELY_FILING, decision.category());
        assertTrue(decision.reason().contains("proof of timely filing"), decision.reason());
    }

    @Test
    void aCodeTheTableDoesNotKnowNeedsReviewAndSaysWhatTheCodeMeans() {
        DenialDecision decision = decide("REVIEW-1008");
        assertEquals(DenialCategory.NEEDS_REVIEW, decision.category());
        assertEquals("No rule in the table for CO-B7: CARC B7 (The provider was not certified or eligible to be paid "
                + "for this procedure or service on this date).", decision.reason());
    }

    @Test
    void modifierCodingAndCoordinationOfBenefitsAreCorrectAndResubmit() {
        for (String carc : List.of("4", "11", "22")) {
            assertEquals(DenialCategory.CORRECT_AND_RESUBMIT, categorizer.categorize(denied("CO", carc)).category(), "CO-" + carc);
        }
    }

    @Test
    void authorizationAndNonCoveredAreAppeal() {
        for (String carc : List.of("197", "15", "96", "50")) {
            assertEquals(DenialCategory.APPEAL, categorizer.categorize(denied("CO", carc)).category(), "CO-" + carc);
        }
    }

    @Test
    void theRuleNamingTheRarcWinsOverTheGeneralOne() {
        ClaimPayment withN290 = claim(List.of(adjustment("CO", "16")), List.of("N290"), "4", "0");
        ClaimPayment withoutRemark = claim(List.of(adjustment("CO", "16")), List.of(), "4", "0");

        assertTrue(categorizer.categorize(withN290).reason().startsWith("The rendering provider's NPI"));
        assertTrue(categorizer.categorize(withoutRemark).reason().startsWith("The claim lacks information"));
    }

    @Test
    void aDuplicateOutranksEverythingElseOnTheClaim() {
        ClaimPayment claim = claim(List.of(adjustment("PR", "1"), adjustment("CO", "50"), adjustment("OA", "18")), List.of(), "4", "0");

        DenialDecision decision = categorizer.categorize(claim);
        assertEquals(DenialCategory.DUPLICATE, decision.category());
        assertEquals("OA-18", decision.adjustment().orElseThrow().code());
    }

    @Test
    void aReversalAndAnUnexplainedShortPaymentNeedReview() {
        assertEquals(DenialCategory.NEEDS_REVIEW, categorizer.categorize(claim(List.of(adjustment("CO", "45")), List.of(), "22", "-80")).category());
        assertEquals(DenialCategory.NEEDS_REVIEW, categorizer.categorize(claim(List.of(), List.of(), "1", "60")).category());
        assertEquals(DenialCategory.PAID, categorizer.categorize(claim(List.of(), List.of(), "1", "100")).category());
    }

    @Test
    void aRetiredCodeIsNamedAsRetiredOnTheClaimsDate() {
        AdjustmentCodeList carcs = AdjustmentCodeList.shippedCarcs();
        assertTrue(carcs.describe("42", Optional.of(java.time.LocalDate.of(2026, 1, 1))).endsWith("retired 2007-06-30"));
        assertTrue(carcs.size() > 70 && AdjustmentCodeList.shippedRarcs().size() > 30);
    }

    @Test
    void anOperatorsOwnTableReplacesTheShippedOne(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path table = dir.resolve("rules.tsv");
        Files.writeString(table, "# ours\nCO\tB7\t*\twrite-off\tOur payer contract: B7 balances are written off.\n");
        DenialCategorizer ours = new DenialCategorizer(DenialRules.fromFile(table), AdjustmentCodeList.shippedCarcs());

        assertEquals(DenialCategory.WRITE_OFF, ours.categorize(SAMPLE.claim("REVIEW-1008")).category());
        assertEquals(DenialCategory.NEEDS_REVIEW, ours.categorize(SAMPLE.claim("DUP-1006")).category(), "nothing else is in that table");
    }

    @Test
    void aTypoInTheTableIsRefusedWithItsLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path table = dir.resolve("rules.tsv");
        Files.writeString(table, "CO\t45\t*\tpaid\tFine.\nCO\t50\t*\tapeal\tTypo.\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DenialRules.fromFile(table));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'apeal'"), e.getMessage());
    }

    private static Adjustment adjustment(String group, String carc) {
        return new Adjustment(group, carc, new BigDecimal("100"), Optional.empty());
    }

    private static ClaimPayment denied(String group, String carc) {
        return claim(List.of(adjustment(group, carc)), List.of(), "4", "0");
    }

    private static ClaimPayment claim(List<Adjustment> adjustments, List<String> remarks, String status, String paid) {
        return new ClaimPayment("TEST-1", status, new BigDecimal("100"), new BigDecimal(paid), Optional.empty(), "12", "PCN1",
                new Party("TESTPATIENT", "A", "MI", "W1"), Party.NONE, adjustments, remarks,
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
}
