package org.medrelay.mappings.x12;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 835 validation against the 005010X221A1 schema: the guide's loops, segment usage and code values. A code the
 * standard has but the guide does not allow (CAS01 CR was dropped in 5010) is IK403 I6.
 */
class Remittance835SchemaTest {

    @Test
    void aGuideCompliant835IsValidatedAgainstX221A1AndValid() {
        X12ValidationReport report = X12Samples.validate(X12Samples.sample("835/835-denials-every-category.x12"));

        assertTrue(report.valid(), String.join("\n", report.describe()));
        TransactionSet set = report.interchanges().get(0).groups().get(0).transactionSets().get(0);
        assertEquals("005010X221A1", set.validatedAgainst());
        assertEquals("A", set.acknowledgmentCode());
    }

    @Test
    void claimStatusGroupCodeAndMissingPatientNameAreReportedWithTheir999Codes() {
        X12ValidationReport report = X12Samples.validate(X12Samples.sample("835/835-errors.x12"));

        assertFalse(report.valid());
        TransactionSet set = report.interchanges().get(0).groups().get(0).transactionSets().get(0);
        assertEquals("R", set.acknowledgmentCode());
        assertEquals(List.of(
                "segment 14 CLP in loop 2100: IK304 8 segment has data element errors",
                "CLP02 (1029): IK403 I6 code value not used in implementation",
                "segment 15 CAS in loop 2100: IK304 8 segment has data element errors",
                "CAS01 (1033): IK403 I6 code value not used in implementation",
                // the guide requires NM1*QC in every claim; found missing at the next CLP
                "segment 16 NM1 in loop 2100: IK304 I8 implementation segment below minimum use"),
                report.describe().stream().map(String::strip).filter(l -> l.startsWith("segment") || l.matches("^[A-Z0-9]{2,3}\\d\\d .*")).toList());
    }

    @Test
    void aServiceLineAdjustmentWithAnotherGroupCodeOrAnUnknownRemarkQualifierIsRejected() {
        String text = X12Samples.text("835/835-denials-every-category.x12")
                .replace("CAS*CO*97*150", "CAS*CR*97*150").replace("LQ*HE*N115", "LQ*ZZ*N115");

        X12ValidationReport report = X12Samples.validate(text);

        assertFalse(report.valid());
        List<String> lines = report.describe().stream().map(String::strip).toList();
        assertTrue(lines.contains("CAS01 (1033): IK403 I6 code value not used in implementation"), String.join("\n", lines));
        assertTrue(lines.contains("LQ01 (1270): IK403 I6 code value not used in implementation"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.matches("segment \\d+ CAS in loop 2110: .*")), String.join("\n", lines));
    }
}
