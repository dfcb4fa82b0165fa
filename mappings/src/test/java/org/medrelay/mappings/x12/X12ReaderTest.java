package org.medrelay.mappings.x12;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading X12 with StAEDI: any delimiters, with or without line breaks, several envelopes, lenient input. */
class X12ReaderTest {

    private final List<X12Segment> segments = new ArrayList<>();
    private final List<Interchange> interchanges = new ArrayList<>();
    private final X12Handler collect = new X12Handler() {
        @Override
        public void segment(X12Segment segment) {
            segments.add(segment);
        }

        @Override
        public void interchangeEnded(Interchange interchange) {
            interchanges.add(interchange);
        }
    };

    private void read(byte[] bytes) throws Exception {
        new X12Reader().read(new ByteArrayInputStream(bytes), collect);
    }

    @Test
    void delimitersComeFromTheIsaEvenOnOneLine() throws Exception {
        read(X12Samples.sample("270/270-pipe-delimiters-one-line.x12"));

        X12Delimiters delimiters = interchanges.get(0).delimiters();
        assertEquals(new X12Delimiters('~', '|', '>', '}', ""), delimiters);
        X12Segment eq = segments.stream().filter(s -> s.id().equals("EQ")).findFirst().orElseThrow();
        assertEquals(List.of("30", "98"), eq.repetitions(1));
        assertEquals(10, eq.position(), "ST BHT HL NM1 HL NM1 HL TRN NM1 EQ: the 10th counting ST as 1");
        assertEquals("2110C", eq.loop());
    }

    @Test
    void severalInterchangesWithCrLfAreReadOneAfterTheOther() throws Exception {
        read(X12Samples.sample("271/271-two-interchanges-crlf.x12"));

        assertEquals(List.of("000000601", "000000602"), interchanges.stream().map(i -> i.header().controlNumber()).toList());
        assertEquals("\r\n", interchanges.get(0).delimiters().lineEnding());
        assertEquals(List.of("TRACE1", "TRACE2"), segments.stream().filter(s -> s.id().equals("TRN")).map(s -> s.element(2)).toList());
        assertTrue(interchanges.stream().allMatch(Interchange::valid));
    }

    @Test
    void byteOrderMarkUnpaddedIsaAndMissingLastTerminatorAreTolerated() throws Exception {
        String unpadded = "\uFEFFISA*00**00**ZZ*CLEARINGHOUSE*ZZ*MEDRELAY*261124*1201*^*00501*555*0*T*:~"
                + X12Samples.text("271/271-active-coverage.x12").split("~\n", 2)[1].replace("IEA*1*000000555~\n", "IEA*1*000000555");
        read(unpadded.getBytes(StandardCharsets.UTF_8));

        Interchange interchange = interchanges.get(0);
        assertEquals("CLEARINGHOUSE  ", interchange.header().senderId());
        assertEquals("000000555", interchange.header().controlNumber());
        assertEquals(List.of("ISA02", "ISA04", "ISA06", "ISA08", "ISA13"),
                interchange.findings().stream().map(InterchangeFinding::location).toList());
        assertEquals("E", interchange.acknowledgmentCode(), "accepted, errors noted");
        assertEquals("011", interchange.note().code());
        assertTrue(interchange.groups().get(0).accepted());
    }

    @Test
    void aFileCutOffBeforeItsTrailersIsRefusedNamingWhere() {
        String text = X12Samples.text("271/271-active-coverage.x12");
        byte[] truncated = text.substring(0, text.indexOf("EB*C")).getBytes(StandardCharsets.ISO_8859_1);

        X12InputException refused = assertThrows(X12InputException.class, () -> read(truncated));

        assertEquals(InterchangeNote.PREMATURE_END_OF_FILE, refused.note());
        assertTrue(refused.getMessage().contains("segment EB at position 14"), refused.getMessage());
        assertEquals(List.of(), interchanges, "nothing of a cut-off interchange is handed on");
    }

    @Test
    void somethingThatIsNotX12IsRefused() {
        X12InputException refused = assertThrows(X12InputException.class,
                () -> read("MSH|^~\\&|A|B|C|D\r".getBytes(StandardCharsets.ISO_8859_1)));

        assertTrue(refused.getMessage().startsWith("not readable as X12: "), refused.getMessage());
    }
}
