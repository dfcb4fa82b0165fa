package org.medrelay.mappings.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Hl7BatchReaderTest {

    private static final String MSG1 = "MSH|^~\\&|A|B|C|D|2026||ADT^A04|1|P|2.5\rPID|1||MRN1\r";
    private static final String MSG2 = "MSH|^~\\&|A|B|C|D|2026||ADT^A08|2|P|2.5\rPID|1||MRN2\r";

    private final Hl7BatchReader reader = new Hl7BatchReader();

    @Test
    void theSampleStreamSplitsIntoItsTwentyFiveMessages() throws Exception {
        List<RawHl7Message> messages = reader.split(SyntheticSamples.bytes("sample-stream.hl7"));

        assertEquals(25, messages.size());
        for (RawHl7Message message : messages) {
            assertTrue(new String(message.bytes(), StandardCharsets.UTF_8).startsWith("MSH|"));
        }
    }

    @Test
    void batchEnvelopesAreDropped() throws Exception {
        String file = "FHS|^~\\&|A\rBHS|^~\\&|A\r" + MSG1 + MSG2 + "BTS|2\rFTS|1\r";

        List<RawHl7Message> messages = reader.split(bytes(file));

        assertEquals(List.of(MSG1, MSG2), texts(messages));
    }

    @Test
    void commentsBlankLinesAndJunkBeforeMshAreDropped() throws Exception {
        String file = "/*\n * sample messages\n */\n// first one\n[SOM]" + MSG1.replace("\r", "\r\n") + "\n\n\n" + MSG2;

        List<RawHl7Message> messages = reader.split(bytes(file));

        assertEquals(List.of(MSG1, MSG2), texts(messages));
        assertEquals(5, messages.get(0).firstLine());
    }

    @Test
    void mllpFrameBytesAreDropped() throws Exception {
        String file = "\u000B" + MSG1 + "\u001C\r" + "\u000B" + MSG2 + "\u001C\r";

        assertEquals(List.of(MSG1, MSG2), texts(reader.split(bytes(file))));
    }

    @Test
    void anMshInsideAFieldDoesNotStartAMessage() throws Exception {
        String file = MSG1 + "NTE|1||see MSH|^~\\& in the spec\r";

        assertEquals(1, reader.split(bytes(file)).size());
    }

    @Test
    void aFileWithoutMshIsRefused() {
        Hl7InputException e = assertThrows(Hl7InputException.class, () -> reader.split(bytes("begin 644 x\nPID|1\n")));
        assertEquals(ErrorCode.SEGMENT_SEQUENCE_ERROR, e.getErrorCode());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<RawHl7Message> messages) {
        return messages.stream().map(m -> new String(m.bytes(), StandardCharsets.UTF_8)).toList();
    }
}
