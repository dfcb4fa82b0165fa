package org.medrelay.routes.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `medrelay x12 validate FILE [--ack]`: exit 0 when valid, 1 with a 999-style report otherwise. */
class X12ValidateCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private Path sample(String name) throws Exception {
        return X12Samples.copy(dir, name);
    }

    @Test
    void aValidFileExitsZeroWithItsControlNumbersAndCounts() throws Exception {
        int exit = MedRelayCli.execute("x12", "validate", sample("271/271-active-coverage.x12").toString());

        assertEquals(0, exit, streams.err());
        String report = streams.out();
        assertTrue(report.startsWith("interchange ISA13 000000555 from CLEARINGHOUSE to MEDRELAY, version 00501, 1 group(s), IEA01 1: TA104 A"), report);
        assertTrue(report.contains("transaction set ST02 0001 271, 17 segments (validated against 005010X279A1): IK5 A"), report);
    }

    @Test
    void an837IsValidatedAgainstItsImplementationGuide() throws Exception {
        int exit = MedRelayCli.execute("x12", "validate", sample("837/837P-claims-on-file.x12").toString());

        assertEquals(0, exit, streams.err());
        assertTrue(streams.out().contains("transaction set ST02 0001 837, 60 segments (validated against 005010X222A1): IK5 A"), streams.out());
    }

    @Test
    void anInvalidFileExitsOneWithEachErrorAndItsCode() throws Exception {
        int exit = MedRelayCli.execute("x12", "validate", sample("271/271-errors.x12").toString());

        assertEquals(1, exit);
        String report = streams.out();
        assertTrue(report.contains("  IEA02: TA105 001 the interchange control number in the header and trailer do not match"), report);
        assertTrue(report.contains("      IK502 4 number of included segments does not match actual count"), report);
        assertTrue(report.contains("        EB01 (1390): IK403 7 invalid code value"), report);
    }

    @Test
    void ackPrintsTheTa1And999ThatWouldBeSent() throws Exception {
        Path file = sample("271/271-errors.x12");
        Files.writeString(file, Files.readString(file, StandardCharsets.ISO_8859_1).replace("IEA*1*000000999", "IEA*1*000000556"),
                StandardCharsets.ISO_8859_1);

        int exit = MedRelayCli.execute("x12", "validate", file.toString(), "--ack", "--control-number", "900");

        assertEquals(1, exit);
        String ack = streams.out();
        assertTrue(ack.startsWith("ISA*00*          *00*          *ZZ*MEDRELAY       *ZZ*CLEARINGHOUSE  *"), ack);
        assertTrue(ack.contains("*00501*000000900*0*T*:~\nTA1*000000556*261124*1202*A*000~\nGS*FA*MEDRELAY*CLEARINGHOUSE*"), ack);
        assertTrue(ack.contains("IK3*EB*10*2110*8~\nCTX*TRN02:TRACE1~\nIK4*1*1390*7*9~\nIK5*R*4*5~\nAK9*R*1*1*0~"), ack);
        assertTrue(streams.err().contains("EB01 (1390): IK403 7"), "the report goes to stderr with --ack");
    }

    @Test
    void somethingThatIsNotX12ExitsOneWithAShortReasonAndNoStackTrace() throws Exception {
        Path file = dir.resolve("not.x12");
        Files.writeString(file, "MSH|^~\\&|A|B|C|D|20261103||ADT^A01|1|P|2.5\r");

        int exit = MedRelayCli.execute("x12", "validate", file.toString());

        assertEquals(1, exit);
        String reason = streams.err().strip();
        assertTrue(reason.startsWith("medrelay: ") && reason.contains("not readable as X12"), reason);
        assertFalse(reason.contains("\tat "), "no stack trace");
    }

    @Test
    void missingFileExitsNonZero() {
        int exit = MedRelayCli.execute("x12", "validate", dir.resolve("nope.x12").toString());

        assertEquals(1, exit);
        assertTrue(streams.err().contains("no such file"));
    }
}
