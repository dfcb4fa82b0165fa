package org.medrelay.mappings.x12;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation against the 005010X279A1 270/271 schemas and the envelope rules, with the 999 and TA1 codes. */
class X12ValidatorTest {

    @Test
    void guideCompliantSamplesAreValid() {
        for (String sample : List.of("270/270-subscriber-and-dependent.x12", "270/270-pipe-delimiters-one-line.x12",
                "271/271-active-coverage.x12", "271/271-two-interchanges-crlf.x12")) {
            X12ValidationReport report = X12Samples.validate(X12Samples.sample(sample));
            assertTrue(report.valid(), sample + ": " + report.describe());
            assertEquals("005010X279A1", report.interchanges().get(0).groups().get(0).transactionSets().get(0).validatedAgainst());
        }
    }

    @Test
    void invalidCodeWrongSegmentCountAndWrongIea02AreEachReportedWithTheirCode() {
        X12ValidationReport report = X12Samples.validate(X12Samples.sample("271/271-errors.x12"));

        assertFalse(report.valid());
        Interchange interchange = report.interchanges().get(0);
        assertEquals("R", interchange.acknowledgmentCode());
        assertEquals(InterchangeNote.CONTROL_NUMBER_MISMATCH, interchange.note());
        TransactionSet set = interchange.groups().get(0).transactionSets().get(0);
        assertEquals(List.of(TransactionSetSyntaxError.SEGMENT_COUNT_MISMATCH), set.syntaxErrors());
        SegmentError eb = set.segmentErrors().get(0);
        assertEquals(List.of("EB", "10", "2110C", "8"), List.of(eb.segmentId(), String.valueOf(eb.position()), eb.loop(), eb.error().code()));
        assertEquals("TRN02:TRACE1", eb.businessUnit(), "the subscriber's trace, to match the error to the request");
        ElementError eb01 = eb.elementErrors().get(0);
        assertEquals(List.of(1, 0, 1), List.of(eb01.elementPosition(), eb01.componentPosition(), eb01.repetition()));
        assertEquals("1390", eb01.elementReference());
        assertEquals(ElementSyntaxError.INVALID_CODE, eb01.error());
        assertEquals("9", eb01.badData());
        assertEquals(List.of(
                "interchange ISA13 000000556 from CLEARINGHOUSE to MEDRELAY, version 00501, 1 group(s), IEA01 1: TA104 R",
                "  IEA02: TA105 001 the interchange control number in the header and trailer do not match",
                "  group GS06 556 HB 005010X279A1, 1 transaction set(s), GE01 1: AK9 R, 0 accepted",
                "    transaction set ST02 0001 271, 11 segments (validated against 005010X279A1): IK5 R",
                "      IK502 4 number of included segments does not match actual count",
                "      segment 10 EB in loop 2110C: IK304 8 segment has data element errors",
                "        EB01 (1390): IK403 7 invalid code value"), report.describe());
    }

    @Test
    void guideRulesAreCheckedNotJustTheStandard() {
        // 2000C HL03 22 but NM101 of the subscriber loop says 03 (dependent); HL04 2 is no code; EQ01 ZZ no service type
        String text = X12Samples.text("270/270-subscriber-and-dependent.x12")
                .replace("NM1*IL*1*FAKENAME", "NM1*03*1*FAKENAME").replace("HL*5*2*22*0", "HL*5*2*22*2")
                .replace("EQ*30^1^88", "EQ*30^ZZ");

        X12ValidationReport report = X12Samples.validate(text);

        List<SegmentError> errors = report.interchanges().get(0).groups().get(0).transactionSets().get(0).segmentErrors();
        assertEquals(List.of("HL 14 2000C I6", "NM1 16 2100C I6", "EQ 17 2110C 7"), errors.stream()
                .map(e -> e.segmentId() + " " + e.position() + " " + e.loop() + " " + e.elementErrors().get(0).error().code())
                .toList());
        assertEquals(2, errors.get(2).elementErrors().get(0).repetition(), "the second repetition of EQ01 is bad");
    }

    @Test
    void aMissingRequiredLoopIsNamedByItsGuideLoop() {
        // the first subscriber (HL*3) loses its required 2100C name loop; the dependent's HL*4 follows the TRN
        String text = X12Samples.text("270/270-subscriber-and-dependent.x12")
                .replace("NM1*IL*1*TESTPATIENT*ALICE****MI*W123~\nDMG*D8*19800101~\n", "").replace("SE*18*0001", "SE*16*0001");

        X12ValidationReport report = X12Samples.validate(text);

        SegmentError missing = report.interchanges().get(0).groups().get(0).transactionSets().get(0).segmentErrors().get(0);
        assertEquals(List.of("NM1", "2100C", "I7", "9"),
                List.of(missing.segmentId(), missing.loop(), missing.error().code(), String.valueOf(missing.position())));
    }
}
