package org.medrelay.mappings.x12;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 837 validation against the 005010X222A1 (professional) and 005010X223A2 (institutional) schemas: the guide's
 * loops (hierarchical levels told apart by HL03, name loops by NM101), segment usage and code values.
 */
class Claim837SchemaTest {

    @Test
    void aGuideCompliant837PIsValidatedAgainstX222A1AndValid() {
        X12ValidationReport report = X12Samples.validate(X12Samples.sample("837/837P-claims-on-file.x12"));

        assertTrue(report.valid(), String.join("\n", report.describe()));
        TransactionSet set = report.interchanges().get(0).groups().get(0).transactionSets().get(0);
        assertEquals("005010X222A1", set.validatedAgainst());
        assertEquals("A", set.acknowledgmentCode());
    }

    @Test
    void aGuideCompliant837IIsValidatedAgainstX223A2AndValid() {
        X12ValidationReport report = X12Samples.validate(X12Samples.sample("837/837I-inpatient.x12"));

        assertTrue(report.valid(), String.join("\n", report.describe()));
        assertEquals("005010X223A2", report.interchanges().get(0).groups().get(0).transactionSets().get(0).validatedAgainst());
    }

    @Test
    void aFrequencyCodeSentAsAnElementAnUnknownUnitAndAMissingPayerAreReportedWithTheir999Codes() {
        String text = X12Samples.text("837/837P-claims-on-file.x12")
                // SV103 unit basis DA (days) is institutional; the 837P allows MJ minutes and UN units
                .replace("SV1*HC:99213*200*UN*1***1~", "SV1*HC:99213*200*DA*1***1~")
                // the second subscriber's payer (2010BB, required) left out
                .replace("DMG*D8*19750315*M~\nNM1*PR*2*TEST HEALTH PLAN*****PI*99999~\n", "DMG*D8*19750315*M~\n")
                .replace("SE*60*0001", "SE*59*0001");

        X12ValidationReport report = X12Samples.validate(text);

        assertFalse(report.valid());
        TransactionSet set = report.interchanges().get(0).groups().get(0).transactionSets().get(0);
        assertEquals("R", set.acknowledgmentCode());
        List<String> lines = report.describe().stream().map(String::strip).toList();
        assertTrue(lines.contains("SV103 (355): IK403 I6 code value not used in implementation"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.matches("segment \\d+ (NM1|CLM) in loop 2010BB: IK304 I7 implementation loop occurs under minimum times")),
                String.join("\n", lines));
    }

    @Test
    void aReplacementClaimFrequencyCodeIsAcceptedAndAnUnknownOneRejected() {
        String base = X12Samples.text("837/837P-claims-on-file.x12");

        X12ValidationReport replacement = X12Samples.validate(base.replace("CLM*RESUB-1003*300***11:B:1*", "CLM*RESUB-1003*300***11:B:7*")
                .replace("REF*G1*AUTH0003~", "REF*F8*PCN0000000003~"));
        X12ValidationReport wrongRef = X12Samples.validate(base.replace("REF*G1*AUTH0003~", "REF*ZZ*AUTH0003~"));

        assertTrue(replacement.valid(), String.join("\n", replacement.describe()));
        assertTrue(wrongRef.describe().stream().map(String::strip).toList()
                .contains("REF01 (128): IK403 I6 code value not used in implementation"), String.join("\n", wrongRef.describe()));
    }
}
