package org.medrelay.mappings.x12.priorauth;

import org.junit.jupiter.api.Test;
import org.medrelay.mappings.x12.SequentialControlNumbers;
import org.medrelay.mappings.x12.TradingPartners;
import org.medrelay.mappings.x12.X12Delimiters;
import org.medrelay.mappings.x12.X12ValidationReport;
import org.medrelay.mappings.x12.X12Validator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 005010X217 278 request out of a typed request: exact bytes, and valid against MedRelay's own 278 schema. */
class PriorAuth278WriterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneOffset.UTC);
    private static final TradingPartners PARTNERS =
            new TradingPartners("ZZ", "MEDRELAY", "ZZ", "CLEARHOUSE01", "MEDRELAY", "CLEARHOUSE01", 'T');

    static PriorAuthRequest request(Optional<PriorAuthRequest.Dependent> dependent) {
        return new PriorAuthRequest(
                new PriorAuthRequest.Organization("NOTREAL HEALTH PLAN", "PI", "12345"),
                new PriorAuthRequest.Provider("TESTCLINIC", "", "1234567893"),
                new PriorAuthRequest.Subscriber("TESTPATIENT", "ALICE", "W123", LocalDate.of(1980, 1, 1), "F"),
                dependent, "HS", "I", "1", "11", List.of("M5450", "M5416"),
                Optional.of(new PriorAuthRequest.Provider("TESTDOCTOR", "BOB", "1245319599")),
                List.of(new PriorAuthRequest.Service("72148", List.of(), 1, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)),
                        new PriorAuthRequest.Service("97110", List.of("GP"), 12, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 28))),
                "PA0000042", "9MEDRELAY1");
    }

    @Test
    void subscriberRequestWithTwoServicesIsWrittenExactlyAndValidatesAgainstX217() throws IOException {
        byte[] bytes = new PriorAuth278Writer(new SequentialControlNumbers(42), NOW)
                .write(request(Optional.empty()), PARTNERS, X12Delimiters.standard());

        assertEquals("""
                ISA*00*          *00*          *ZZ*MEDRELAY       *ZZ*CLEARHOUSE01   *261124*0930*^*00501*000000042*0*T*:~
                GS*HI*MEDRELAY*CLEARHOUSE01*20261124*0930*42*X*005010X217~
                ST*278*0042*005010X217~
                BHT*0007*13*PA0000042*20261124*0930~
                HL*1**20*1~
                NM1*X3*2*NOTREAL HEALTH PLAN*****PI*12345~
                HL*2*1*21*1~
                NM1*1P*2*TESTCLINIC*****XX*1234567893~
                HL*3*2*22*1~
                NM1*IL*1*TESTPATIENT*ALICE****MI*W123~
                DMG*D8*19800101*F~
                HL*4*3*EV*1~
                TRN*1*PA0000042*9MEDRELAY1~
                UM*HS*I*1*11:B*****Y~
                HI*ABK:M5450*ABF:M5416~
                NM1*SJ*1*TESTDOCTOR*BOB****XX*1245319599~
                HL*5*4*SS*0~
                UM*HS*I~
                DTP*472*RD8*20261201-20261231~
                SV1*HC:72148**UN*1~
                HL*6*4*SS*0~
                UM*HS*I~
                DTP*472*RD8*20261201-20270228~
                SV1*HC:97110:GP**UN*12~
                SE*23*0042~
                GE*1*42~
                IEA*1*000000042~
                """, new String(bytes, StandardCharsets.ISO_8859_1));
        X12ValidationReport report = validate(bytes);
        assertTrue(report.valid(), String.join("\n", report.describe()));
        assertEquals("005010X217", report.interchanges().get(0).groups().get(0).transactionSets().get(0).validatedAgainst());
    }

    @Test
    void aDependentPatientGetsA2000DLevelAndTheEventHangsBelowIt() throws IOException {
        byte[] bytes = new PriorAuth278Writer(new SequentialControlNumbers(7), NOW).write(request(Optional.of(
                new PriorAuthRequest.Dependent("TESTPATIENT", "CAROL", LocalDate.of(2015, 5, 5), "F", "19"))), PARTNERS, X12Delimiters.standard());
        String text = new String(bytes, StandardCharsets.ISO_8859_1);

        assertTrue(text.contains("HL*4*3*23*1~\nNM1*QC*1*TESTPATIENT*CAROL~\nDMG*D8*20150505*F~\nINS*N*19~\nHL*5*4*EV*1~"), text);
        assertTrue(text.contains("HL*7*5*SS*0~"), text);
        X12ValidationReport report = validate(bytes);
        assertTrue(report.valid(), String.join("\n", report.describe()));
    }

    @Test
    void theSchemaCatchesWhatTheGuideForbids() throws IOException {
        String written = new String(new PriorAuth278Writer(new SequentialControlNumbers(9), NOW)
                .write(request(Optional.empty()), PARTNERS, X12Delimiters.standard()), StandardCharsets.ISO_8859_1);
        // a UM02 certification type the guide does not have, and a 2000F service level without its required UM
        String broken = written.replace("UM*HS*I*1*11:B*****Y~", "UM*HS*Q*1*11:B*****Y~")
                .replace("HL*6*4*SS*0~\nUM*HS*I~\n", "HL*6*4*SS*0~\n").replace("SE*23*", "SE*22*");

        X12ValidationReport report = validate(broken.getBytes(StandardCharsets.ISO_8859_1));

        assertFalse(report.valid());
        String described = String.join("\n", report.describe());
        assertTrue(described.contains("segment 12 UM in loop 2000E: IK304 8 segment has data element errors\n"
                + "        UM02 (1322): IK403 I6 code value not used in implementation"), described);
        assertTrue(described.contains("UM in loop 2000F: IK304 I8 implementation segment below minimum use"), described);
        assertFalse(described.contains("IK502"), "only the two defects: " + described);
    }

    @Test
    void aTraceOriginatorOfTheWrongLengthIsRefusedBeforeAnythingIsWritten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PriorAuthRequest(
                request(Optional.empty()).umo(), request(Optional.empty()).requester(), request(Optional.empty()).subscriber(),
                Optional.empty(), "HS", "I", "1", "11", List.of("M5450"), Optional.empty(), List.of(), "PA1", "987654321"));
        assertTrue(e.getMessage().startsWith("TRN03"), e.getMessage());
    }

    static X12ValidationReport validate(byte[] bytes) throws IOException {
        return new X12Validator().validate(new ByteArrayInputStream(bytes));
    }
}
