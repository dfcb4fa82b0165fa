package org.medrelay.mappings.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.model.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Hl7ParserTest {

    private static final String PID_VALUE = "Secretname";
    private final Hl7Parser parser = new Hl7Parser();

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\r\n"})
    void segmentsMayEndInCrLfOrCrlf(String separator) throws Exception {
        String text = String.join(separator, "MSH|^~\\&|A|B|C|D|20261101||ADT^A01^ADT_A01|1|P|2.5",
                "EVN|A01", "PID|1||MRN1^^^MRH^MR||Testpatient^Alma") + separator;

        List<Hl7Segment> segments = Hl7Segments.of(parser.parse(text));

        assertEquals(List.of("MSH", "EVN", "PID"), segments.stream().map(Hl7Segment::name).toList());
    }

    @Test
    void blankLinesAndLeadingBlanksBetweenSegmentsAreIgnored() throws Exception {
        String text = "MSH|^~\\&|A|B|C|D|20261101||ADT^A01|1|P|2.3\r\n\r\n  PID|1||MRN1\r\n\r\n";

        assertEquals(2, Hl7Segments.of(parser.parse(text)).size());
    }

    @Test
    void aV23HeaderWithoutMessageStructureParses() throws Exception {
        Message message = parser.parse(SyntheticSamples.bytes("orm-o01-order-v23.hl7"));

        assertEquals("2.3", message.getVersion());
        Hl7Segment msh = Hl7CharsetsTest.segment(message, "MSH");
        assertEquals("ORM", msh.field(9).get(0).value(1, 1));
        assertEquals("", msh.field(9).get(0).value(3, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.8.1", "2.9"})
    void anyVersionParsesWithTheGenericModel(String version) throws Exception {
        Message message = parser.parse("MSH|^~\\&|A|B|C|D|20261101||ORU^R01|1|P|" + version + "\rOBX|1|NM|x||5\r");
        assertEquals("5", Hl7CharsetsTest.segment(message, "OBX").field(5).get(0).text());
    }

    @Test
    void escapeSequencesAreDecodedAndZSegmentsKept() throws Exception {
        Message message = parser.parse(SyntheticSamples.bytes("oru-r01-result-zseg-escapes.hl7"));

        List<Hl7Segment> segments = Hl7Segments.of(message);
        Hl7Segment comment = segments.stream().filter(s -> s.name().equals("OBX")).reduce((a, b) -> b).orElseThrow();
        assertEquals("Sample slightly hemolyzed & re-spun. Ratio 1^2|ok\\done", comment.field(5).get(0).text());
        Hl7Segment z = segments.get(segments.size() - 1);
        assertEquals("ZRS", z.name());
        assertEquals("RUN^42", z.field(2).get(0).text());
    }

    @Test
    void lineBreakAndHexEscapesBecomeText() throws Exception {
        Message message = parser.parse("MSH|^~\\&|A|B|C|D|20261101||ORU^R01|1|P|2.5\r"
                + "OBX|1|TX|x||line one\\.br\\line two \\X4F4B\\ \\H\\bold\\N\\\r");
        assertEquals("line one\nline two OK bold", Hl7CharsetsTest.segment(message, "OBX").field(5).get(0).text());
    }

    @Test
    void nonStandardDelimitersDeclaredInMshAreHonoured() throws Exception {
        Message message = parser.parse("MSH^~|\\&^SENDER^FAC^^^20120918^^ADT~A24^1^T^2.4\r"
                + "PID^1^^111~~~FOO|222~~~BAR^^SMITH~JOHN\r");

        Hl7Segment pid = Hl7CharsetsTest.segment(message, "PID");
        assertEquals(2, pid.field(3).size(), "| repeats here");
        assertEquals("BAR", pid.field(3).get(1).value(4, 1));
        assertEquals("JOHN", pid.field(5).get(0).value(2, 1));
    }

    @Test
    void aJavaEscapedEncodingFieldAndAThreeCharacterOneAreRepaired() throws Exception {
        assertEquals("B", Hl7CharsetsTest.segment(parser.parse("MSH|^~\\\\&|A|B|C|D|2026||ADT^A01|1|P|2.6\r"), "MSH")
                .field(4).get(0).text());
        Message v21 = parser.parse("MSH|^~}|A|B|C|D|1993||ADT^A01|1|P|2.1\rPID|||429^1^M10||DOE^JANE\r");
        assertEquals("JANE", Hl7CharsetsTest.segment(v21, "PID").field(5).get(0).value(2, 1));
    }

    @Test
    void textWithoutMshIsASegmentSequenceError() {
        Hl7InputException e = assertThrows(Hl7InputException.class, () -> parser.parse("PID|1||" + PID_VALUE + "\r"));
        assertEquals(ErrorCode.SEGMENT_SEQUENCE_ERROR, e.getErrorCode());
        assertEquals("MSH", e.getSegment());
    }

    @Test
    void badEncodingCharactersAreADataTypeErrorAtMsh2() {
        Hl7InputException e = assertThrows(Hl7InputException.class,
                () -> parser.parse("MSH|0000|A|B|C|D|2026||ADT^A01|1|P|2.5\r"));
        assertEquals(ErrorCode.DATA_TYPE_ERROR, e.getErrorCode());
        assertEquals("MSH-2", e.location());
    }

    @Test
    void missingMessageTypeIsARequiredFieldMissingAtMsh9() {
        Hl7InputException e = assertThrows(Hl7InputException.class,
                () -> parser.parse("MSH|^~\\&|A|B|C|D|2026|||1|P|2.5\r"));
        assertEquals(ErrorCode.REQUIRED_FIELD_MISSING, e.getErrorCode());
        assertEquals("MSH-9", e.location());
    }

    @Test
    void aLineThatIsNotASegmentIsRefusedWithoutQuotingIt() {
        Hl7InputException e = assertThrows(Hl7InputException.class,
                () -> parser.parse("MSH|^~\\&|A|B|C|D|2026||ADT^A01|1|P|2.5\rPID|1||1\r" + PID_VALUE + " was here\r"));
        assertEquals(ErrorCode.SEGMENT_SEQUENCE_ERROR, e.getErrorCode());
        assertTrue(e.getMessage().contains("segment 3"));
        assertFalse(e.getMessage().contains(PID_VALUE), "no field values in errors: PHI");
    }

    @Test
    void controlCharactersAreRefused() {
        Hl7InputException e = assertThrows(Hl7InputException.class,
                () -> parser.parse("MSH|^~\\&|A|B|C|D|2026||ADT^A01|1|P|2.5\rPID|1||\u0000\u0010\r"));
        assertEquals(ErrorCode.DATA_TYPE_ERROR, e.getErrorCode());
        assertEquals("PID", e.getSegment());
    }

    @Test
    void messagesOverTheLimitsAreRefusedQuickly() {
        Hl7Parser small = new Hl7Parser(new Hl7Limits(10_000, 100, 1_000));
        String manyRepetitions = "MSH|^~\\&|A|B|C|D|2026||ADT^A01|1|P|2.5\rPID|1||" + "~".repeat(5_000) + "\r";
        String manySegments = "MSH|^~\\&|A|B|C|D|2026||ADT^A01|1|P|2.5\r" + "NTE|1\r".repeat(200);

        assertEquals(ErrorCode.APPLICATION_INTERNAL_ERROR,
                assertThrows(Hl7InputException.class, () -> small.parse(manyRepetitions)).getErrorCode());
        assertEquals(ErrorCode.APPLICATION_INTERNAL_ERROR,
                assertThrows(Hl7InputException.class, () -> small.parse(manySegments)).getErrorCode());
        assertThrows(Hl7InputException.class, () -> small.parse("MSH|^~\\&|" + "x".repeat(20_000)));
    }

    @Test
    void deeplyRepeatedDelimitersParseWithinLimitsAndQuickly() {
        String hostile = "MSH|^~\\&|A|B|C|D|2026||ADT^A01|1|P|2.5\rPID|" + "^&~".repeat(20_000) + "\r";
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> { // a hang guard; CI machines are loaded
            try {
                parser.parse(hostile);
            } catch (Hl7InputException refused) {
                assertEquals(ErrorCode.APPLICATION_INTERNAL_ERROR, refused.getErrorCode());
            }
        });
    }
}
