package org.medrelay.mappings.hl7v2;

import ca.uhn.hl7v2.model.Message;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class Hl7CharsetsTest {

    private final Hl7Parser parser = new Hl7Parser();

    @Test
    void msh18Iso88591DecodesTheAccentedNameFromLatin1Bytes() throws Exception {
        byte[] raw = SyntheticSamples.bytes("adt-a01-admit-latin1.hl7");

        assertEquals(StandardCharsets.ISO_8859_1, Hl7Charsets.detect(raw));
        Hl7Segment pid = segment(parser.parse(raw), "PID");
        assertEquals("Müller-Testperson", pid.field(5).get(0).value(1, 1));
        assertEquals("Dörte", pid.field(5).get(0).value(2, 1));
        assertEquals("Renée", pid.field(5).get(0).value(3, 1));
    }

    @Test
    void msh18UnicodeUtf8DecodesTheAccentedNameFromUtf8Bytes() throws Exception {
        byte[] raw = SyntheticSamples.bytes("adt-a08-update-utf8.hl7");

        assertEquals(StandardCharsets.UTF_8, Hl7Charsets.detect(raw));
        Hl7Segment pid = segment(parser.parse(raw), "PID");
        assertEquals("Ñandú-Prueba", pid.field(5).get(0).value(1, 1));
        assertEquals("Zoë", pid.field(5).get(0).value(2, 1));
    }

    @Test
    void withoutMsh18ValidUtf8IsReadAsUtf8() {
        byte[] raw = "MSH|^~\\&|A|B|C|D|20261101||ADT^A01|1|P|2.5\rPID|1||1||Zoë\r".getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, Hl7Charsets.detect(raw));
    }

    @Test
    void withoutMsh18BytesThatAreNotUtf8AreReadAsLatin1() {
        byte[] raw = "MSH|^~\\&|A|B|C|D|20261101||ADT^A01|1|P|2.5\rPID|1||1||Zoë\r".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(StandardCharsets.ISO_8859_1, Hl7Charsets.detect(raw));
    }

    @Test
    void msh18AsciiFallsBackToWhatTheBytesAre() {
        byte[] raw = "MSH|^~\\&|A|B|C|D|20261101||ADT^A01|1|P|2.5||||||ASCII\rPID|1||1||Zoë\r"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(StandardCharsets.ISO_8859_1, Hl7Charsets.detect(raw));
    }

    @Test
    void msh18IsReadWithNonStandardDelimitersAndRepetitions() {
        byte[] raw = "MSH#!~\\&#A#B#C#D#20261101##ADT!A01#1#P#2.5######8859/15~UNICODE UTF-8\r"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("ISO-8859-15", Hl7Charsets.detect(raw).name());
    }

    @Test
    void aByteOrderMarkMeansUtf8AndIsDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "MSH|^~\\&|A\r".getBytes(StandardCharsets.UTF_8);
        byte[] raw = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, raw, 0, 3);
        System.arraycopy(text, 0, raw, 3, text.length);

        assertEquals(StandardCharsets.UTF_8, Hl7Charsets.detect(raw));
        assertArrayEquals(text, Hl7Charsets.decode(raw).getBytes(StandardCharsets.UTF_8));
    }

    static Hl7Segment segment(Message message, String name) throws Exception {
        List<Hl7Segment> segments = Hl7Segments.of(message);
        return segments.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
