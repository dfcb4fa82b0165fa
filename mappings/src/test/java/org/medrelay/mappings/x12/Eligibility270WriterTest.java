package org.medrelay.mappings.x12;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 005010X279A1 270 out of a typed request: exact bytes, and valid against MedRelay's own 270 schema. */
class Eligibility270WriterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneOffset.UTC);
    private static final TradingPartners PARTNERS =
            new TradingPartners("ZZ", "MEDRELAY", "ZZ", "CLEARHOUSE01", "MEDRELAY", "CLEARHOUSE01", 'T');

    private static EligibilityInquiry inquiry(Optional<EligibilityInquiry.Dependent> dependent) {
        return new EligibilityInquiry(
                new EligibilityInquiry.InformationSource("NOTREAL HEALTH PLAN", "PI", "12345"),
                new EligibilityInquiry.InformationReceiver("TESTCLINIC", "", "1234567893"),
                new EligibilityInquiry.Subscriber("TESTPATIENT", "ALICE", "W123", LocalDate.of(1980, 1, 1), "F"),
                dependent, List.of("30", "1", "88"), LocalDate.of(2026, 11, 30), "MR0000017", "9MEDRELAY1");
    }

    @Test
    void subscriberInquiryIsWrittenExactly() {
        SequentialControlNumbers numbers = new SequentialControlNumbers(17);
        byte[] bytes = new Eligibility270Writer(numbers, NOW).write(inquiry(Optional.empty()), PARTNERS, X12Delimiters.standard());

        assertEquals("""
                ISA*00*          *00*          *ZZ*MEDRELAY       *ZZ*CLEARHOUSE01   *261124*0930*^*00501*000000017*0*T*:~
                GS*HS*MEDRELAY*CLEARHOUSE01*20261124*0930*17*X*005010X279A1~
                ST*270*0017*005010X279A1~
                BHT*0022*13*MR0000017*20261124*0930~
                HL*1**20*1~
                NM1*PR*2*NOTREAL HEALTH PLAN*****PI*12345~
                HL*2*1*21*1~
                NM1*1P*2*TESTCLINIC*****XX*1234567893~
                HL*3*2*22*0~
                TRN*1*MR0000017*9MEDRELAY1~
                NM1*IL*1*TESTPATIENT*ALICE****MI*W123~
                DMG*D8*19800101*F~
                EQ*30^1^88~
                DTP*291*D8*20261130~
                SE*13*0017~
                GE*1*17~
                IEA*1*000000017~
                """, new String(bytes, StandardCharsets.ISO_8859_1));
        X12ValidationReport report = X12Samples.validate(bytes);
        assertTrue(report.valid(), String.join("\n", report.describe()));
        assertEquals("005010X279A1", report.interchanges().get(0).groups().get(0).transactionSets().get(0).validatedAgainst());
    }

    @Test
    void dependentInquiryInOtherDelimitersIsGuideValid() {
        var dependent = new EligibilityInquiry.Dependent("TESTPATIENT", "BOBBY", LocalDate.of(2015, 6, 1), "M", "19");
        X12Delimiters pipes = new X12Delimiters('\'', '|', '>', '}', "\r\n");
        byte[] bytes = new Eligibility270Writer(new SequentialControlNumbers(1), NOW).write(inquiry(Optional.of(dependent)), PARTNERS, pipes);

        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // 005010X279A1: the trace goes on the patient's level, 2000D, and the subscriber's 2000C carries none
        assertTrue(text.contains("HL|3|2|22|1'\r\nNM1|IL|1|"), text);
        assertTrue(text.contains("HL|4|3|23|0'\r\nTRN|1|MR0000017|9MEDRELAY1'\r\nNM1|03|1|TESTPATIENT|BOBBY'\r\nDMG|D8|20150601|M'\r\n"
                + "INS|N|19'\r\nEQ|30}1}88'\r\n"), text);
        assertEquals(1, text.split("TRN\\|", -1).length - 1, text);
        X12ValidationReport report = X12Samples.validate(bytes);
        assertTrue(report.valid(), String.join("\n", report.describe()));
    }

    @Test
    void controlNumbersComeFromTheCallersCounterAndDoNotRepeat() {
        Eligibility270Writer writer = new Eligibility270Writer(new SequentialControlNumbers(41), NOW);
        String first = new String(writer.write(inquiry(Optional.empty()), PARTNERS, X12Delimiters.standard()), StandardCharsets.ISO_8859_1);
        String second = new String(writer.write(inquiry(Optional.empty()), PARTNERS, X12Delimiters.standard()), StandardCharsets.ISO_8859_1);

        assertTrue(first.contains("*00501*000000041*") && second.contains("*00501*000000042*"));
        assertNotEquals(first, second);
    }

    @Test
    void aTraceOriginatorOfTheWrongLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EligibilityInquiry(
                new EligibilityInquiry.InformationSource("P", "PI", "1"), new EligibilityInquiry.InformationReceiver("C", "", "1"),
                new EligibilityInquiry.Subscriber("S", "A", "W1", null, ""), Optional.empty(), List.of("30"),
                LocalDate.of(2026, 1, 1), "T1", "123"));
    }
}
