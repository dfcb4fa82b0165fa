package org.medrelay.mappings.x12;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TA1 and 999 for received files: exact bytes, and valid X12 by MedRelay's own 999 schema. */
class AcknowledgmentWriterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T13:05:00Z"), ZoneOffset.UTC);

    private static String acknowledge(String received, long firstControlNumber) {
        Interchange interchange = X12Samples.validate(received).interchanges().get(0);
        byte[] ack = new AcknowledgmentWriter(new SequentialControlNumbers(firstControlNumber), NOW).acknowledge(interchange);
        return new String(ack, StandardCharsets.ISO_8859_1);
    }

    @Test
    void rejectedTransactionSetGetsIk3Ik4CtxAndATa1BecauseOneWasAskedFor() {
        // 271-errors.x12 with a correct IEA02: the envelope is fine, the transaction set is not
        String received = X12Samples.text("271/271-errors.x12").replace("IEA*1*000000999", "IEA*1*000000556");

        String ack = acknowledge(received, 42);

        assertEquals("""
                ISA*00*          *00*          *ZZ*MEDRELAY       *ZZ*CLEARINGHOUSE  *261124*1305*^*00501*000000042*0*T*:~
                TA1*000000556*261124*1202*A*000~
                GS*FA*MEDRELAY*CLEARINGHOUSE*20261124*1305*42*X*005010X231A1~
                ST*999*0042*005010X231A1~
                AK1*HB*556*005010X279A1~
                AK2*271*0001*005010X279A1~
                IK3*EB*10*2110*8~
                CTX*TRN02:TRACE1~
                IK4*1*1390*7*9~
                IK5*R*4*5~
                AK9*R*1*1*0~
                SE*9*0042~
                GE*1*42~
                IEA*1*000000042~
                """, ack);
        X12ValidationReport roundTrip = X12Samples.validate(ack);
        assertTrue(roundTrip.valid(), String.join("\n", roundTrip.describe()));
        assertEquals("005010X231A1", roundTrip.interchanges().get(0).groups().get(0).transactionSets().get(0).validatedAgainst());
    }

    @Test
    void rejectedEnvelopeGetsOnlyATa1() {
        String ack = acknowledge(X12Samples.text("271/271-errors.x12"), 7);

        assertEquals("""
                ISA*00*          *00*          *ZZ*MEDRELAY       *ZZ*CLEARINGHOUSE  *261124*1305*^*00501*000000007*0*T*:~
                TA1*000000556*261124*1202*R*001~
                IEA*0*000000007~
                """, ack);
        assertTrue(X12Samples.validate(ack).valid());
    }

    @Test
    void acceptedFilesGetA999InTheirOwnDelimitersOnePerGroup() {
        String ack = acknowledge(X12Samples.text("270/270-pipe-delimiters-one-line.x12"), 1);

        assertEquals("ISA|00|          |00|          |ZZ|CLEARINGHOUSE  |ZZ|MEDRELAY       |261124|1305|}|00501|000000001|0|T|>~"
                + "GS|FA|CLEARINGHOUSE|MEDRELAY|20261124|1305|1|X|005010X231A1~ST|999|0001|005010X231A1~AK1|HS|102|005010X279A1~"
                + "AK2|270|0001|005010X279A1~IK5|A~AK9|A|1|1|1~SE|6|0001~GE|1|1~IEA|1|000000001~", ack);
        assertTrue(X12Samples.validate(ack).valid());
    }

    @Test
    void everyCorpusStyleErrorKindRoundTripsThroughThe999Schema() {
        // several errors at once: wrong SE02, a not-used element, a too-long element, a bad repetition
        String received = X12Samples.text("270/270-subscriber-and-dependent.x12")
                .replace("SE*18*0001", "SE*18*0002").replace("NM1*03*1*TESTPATIENT*BOBBY", "NM1*03*1*TESTPATIENT*BOBBY****MI*X1")
                .replace("EQ*30^1^88", "EQ*30^1^888");

        String ack = acknowledge(received, 9);

        assertTrue(ack.contains("IK3*NM1*12*2100*8~\nCTX*TRN02:TRACE1~\nIK4*8*66*I10*MI~\nIK4*9*67*I10*X1~"), ack);
        assertTrue(ack.contains("IK3*EQ*17*2110*8~\nCTX*TRN02:TRACE2~\nIK4*1::3*1365*5*888~\nIK4*1::3*1365*7*888~"), ack);
        assertTrue(ack.contains("IK5*R*3*5~"), ack);
        X12ValidationReport roundTrip = X12Samples.validate(ack);
        assertTrue(roundTrip.valid(), String.join("\n", roundTrip.describe()));
        assertEquals(List.of(), roundTrip.interchanges().get(0).findings());
    }
}
