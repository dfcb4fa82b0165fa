package org.medrelay.processors.priorauth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The requirements table: the most specific line wins, ranges and lists of codes, malformed lines refused. */
class PriorAuthRequirementsTest {

    private static final String HEADER = "# payer\tplan\tsystem\tcodes\trequired\tchannel\tturnaround-days\tdocumentation\treason";

    private static PriorAuthRequirements table(String... lines) {
        List<String> all = new java.util.ArrayList<>(List.of(HEADER));
        all.addAll(List.of(lines));
        return PriorAuthRequirements.parse(all, "test.tsv");
    }

    private static PayerPlan payer(String id, String plan) {
        return new PayerPlan(Optional.of(id), Optional.ofNullable(plan));
    }

    private static OrderedService cpt(String code) {
        return new OrderedService("CPT", code, "");
    }

    @Test
    void aLineNamingTheCodeBeatsAPayerWideLineAndAPayerLineBeatsAnyPayer() {
        PriorAuthRequirements table = table(
                "12345\t*\t*\t*\tno\tnone\t0\t-\tPayer-wide: nothing needs authorization.",
                "*\t*\tCPT\t70551-70553\tyes\tportal\t14\tnotes\tMRI needs it with most payers.",
                "12345\t*\tCPT\t70551-70553\tyes\tfhir-pas\t7\tnotes;imaging\tPayer 12345 wants MRI through PAS.",
                "*\t*\t*\t*\tno\tnone\t0\t-\tNot listed.");

        PriorAuthRule mriAt12345 = table.find(payer("12345", null), cpt("70552")).orElseThrow();
        assertEquals(SubmissionChannel.FHIR_PAS, mriAt12345.channel());
        assertEquals("test.tsv line 4", mriAt12345.where());
        assertEquals(List.of("notes", "imaging"), mriAt12345.documentation());

        PriorAuthRule mriElsewhere = table.find(payer("99999", null), cpt("70553")).orElseThrow();
        assertEquals("test.tsv line 3", mriElsewhere.where());
        assertTrue(mriElsewhere.required());

        PriorAuthRule visitAt12345 = table.find(payer("12345", null), cpt("99213")).orElseThrow();
        assertEquals("test.tsv line 2", visitAt12345.where(), "the payer-wide line, as no line names the code");
        assertFalse(visitAt12345.required());
    }

    @Test
    void codesMatchAsListsAndRangesOfEqualLengthOnly() {
        PriorAuthRequirements table = table("*\t*\tHCPCS\tJ0129,J9260-J9299\tyes\tportal\t14\t-\tSpecialty drugs.");

        assertTrue(table.find(PayerPlan.UNKNOWN, new OrderedService("HCPCS", "J0129", "")).isPresent());
        assertTrue(table.find(PayerPlan.UNKNOWN, new OrderedService("HCPCS", "J9271", "")).isPresent());
        assertTrue(table.find(PayerPlan.UNKNOWN, new OrderedService("HCPCS", "J9300", "")).isEmpty());
        assertTrue(table.find(PayerPlan.UNKNOWN, new OrderedService("HCPCS", "J927", "")).isEmpty(), "shorter code, not in range");
        assertTrue(table.find(PayerPlan.UNKNOWN, new OrderedService("CPT", "J0129", "")).isEmpty(), "another system");
    }

    @Test
    void aPlanLineAppliesOnlyToThatPlan() {
        PriorAuthRequirements table = table(
                "12345\tGOLDHMO\t*\t*\tyes\tportal\t5\treferral\tGold HMO: everything.",
                "*\t*\t*\t*\tno\tnone\t0\t-\tNot listed.");

        assertTrue(table.find(payer("12345", "GOLDHMO"), cpt("99213")).orElseThrow().required());
        assertFalse(table.find(payer("12345", "SILVERPPO01"), cpt("99213")).orElseThrow().required());
        assertFalse(table.find(PayerPlan.UNKNOWN, cpt("99213")).orElseThrow().required(), "unknown payer: the * line");
    }

    @Test
    void malformedLinesAreRefusedWithTheirLineNumber() {
        assertEquals("test.tsv line 2: expected 9 tab-separated columns: payer, plan, system, codes, required, channel, "
                        + "turnaround-days, documentation, reason",
                assertThrows(IllegalArgumentException.class, () -> table("12345\t*\tCPT\t70551\tyes")).getMessage());
        assertEquals("test.tsv line 2: required must be yes or no, not 'maybe'",
                assertThrows(IllegalArgumentException.class,
                        () -> table("12345\t*\tCPT\t70551\tmaybe\tportal\t7\t-\tWhy.")).getMessage());
        assertEquals("test.tsv line 2: unknown channel 'email' (expected one of fhir-pas, x12-278, portal, fax, none)",
                assertThrows(IllegalArgumentException.class,
                        () -> table("12345\t*\tCPT\t70551\tyes\temail\t7\t-\tWhy.")).getMessage());
        assertEquals("test.tsv line 2: a required authorization needs a channel other than none",
                assertThrows(IllegalArgumentException.class,
                        () -> table("12345\t*\tCPT\t70551\tyes\tnone\t7\t-\tWhy.")).getMessage());
        assertEquals("test.tsv line 2: code range '7055-70553' must have ends of the same length",
                assertThrows(IllegalArgumentException.class,
                        () -> table("12345\t*\tCPT\t7055-70553\tyes\tportal\t7\t-\tWhy.")).getMessage());
    }

    @Test
    void theShippedExampleTableLoadsAndEndsWithACatchAll() {
        PriorAuthRequirements shipped = PriorAuthRequirements.shipped();
        PriorAuthRule unlisted = shipped.find(payer("55555", null), new OrderedService("LOINC", "58410-2", "")).orElseThrow();
        assertFalse(unlisted.required());
        assertEquals("No line of the requirements table lists this service for this payer.", unlisted.reason());
    }
}
