package org.medrelay.mappings.x12.priorauth;

import org.medrelay.mappings.x12.X12InputException;
import org.medrelay.mappings.x12.X12Reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads 278 responses the way the engine does: X12Reader streaming into PriorAuth278Handler. */
final class PriorAuth278Samples {

    private PriorAuth278Samples() {
    }

    static List<PriorAuthResponse> read(InputStream in) throws IOException, X12InputException {
        List<PriorAuthResponse> responses = new ArrayList<>();
        new X12Reader().read(in, new PriorAuth278Handler(responses::add));
        return responses;
    }

    static List<PriorAuthResponse> file(Path file) throws IOException, X12InputException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    static List<PriorAuthResponse> text(String x12) throws IOException, X12InputException {
        return read(new ByteArrayInputStream(x12.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static Path corpus(String name) {
        String dir = System.getProperty("medrelay.corpus.dir");
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null && Files.isRegularFile(Path.of(dir, "INDEX.tsv")),
                "skipped: system property medrelay.corpus.dir does not point at ../shared/corpus");
        return Path.of(dir, "x12", "278", name);
    }

    /**
     * A synthetic 278 response: the subscriber's two services, physical therapy certified for 12 of the units
     * asked with its effective and expiration dates, and an MRI denied with reason code; an AAA on the
     * requester's NPI. All names and ids invented.
     */
    static final String DENIAL_AND_APPROVAL = """
            ISA*00*          *00*          *ZZ*CLEARHOUSE01   *ZZ*MEDRELAY       *261201*1015*^*00501*000000311*0*T*:~
            GS*HI*CLEARHOUSE01*MEDRELAY*20261201*1015*311*X*005010X217~
            ST*278*0311*005010X217~
            BHT*0007*11*PA0000042*20261201*1015*18~
            HL*1**20*1~
            NM1*X3*2*NOTREAL HEALTH PLAN*****PI*12345~
            HL*2*1*21*1~
            NM1*1P*2*TESTCLINIC*****XX*1234567893~
            AAA*Y**51*N~
            HL*3*2*22*1~
            NM1*IL*1*TESTPATIENT*ALICE****MI*W123~
            HL*4*3*EV*1~
            TRN*2*PA0000042*9MEDRELAY1~
            TRN*1*UMO7781*1123456789~
            UM*HS*I*1*11:B~
            HCR*A2*AUTH77810~
            HI*ABK:M5450*ABF:M5416~
            HL*5*4*SS*0~
            UM*HS*I~
            HCR*A3**CB~
            DTP*472*RD8*20261201-20261231~
            SV1*HC:72148**UN*1~
            HL*6*4*SS*0~
            UM*HS*I~
            HCR*A1*AUTH77811~
            DTP*007*D8*20261201~
            DTP*036*D8*20270228~
            SV1*HC:97110:GP**UN*12~
            SE*27*0311~
            GE*1*311~
            IEA*1*000000311~
            """;
}
