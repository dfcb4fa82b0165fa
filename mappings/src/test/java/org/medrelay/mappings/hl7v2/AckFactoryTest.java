package org.medrelay.mappings.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AckFactoryTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 3, 8, 30, 5, 0, ZoneOffset.UTC);
    private final AckFactory factory = new AckFactory("MEDRELAY", "MEDRELAY");

    private static Hl7MessageHeader header(String version) {
        return Hl7MessageHeader.scan("MSH|^~\\&|REGADT|MRH|EHRAPP|EHRFAC|20261103||ADT^A04^ADT_A01|MSG00001|P|"
                + version + "\rPID|1||MRN1^^^MRH^MR\r");
    }

    @Test
    void acceptSwapsSenderAndReceiverAndEchoesTheControlId() {
        String[] segments = factory.accept(header("2.5.1"), "ACK1", NOW).split("\r");

        assertEquals("MSH|^~\\&|EHRAPP|EHRFAC|REGADT|MRH|20261103083005+0000||ACK^A04^ACK|ACK1|P|2.5.1", segments[0]);
        assertEquals("MSA|AA|MSG00001", segments[1]);
        assertEquals(2, segments.length);
    }

    @Test
    void v25RefusalCarriesLocationAndTable0357CodeInErr2And3() {
        Hl7InputException error = new Hl7InputException(ErrorCode.REQUIRED_FIELD_MISSING,
                "MSH-10 message control id is empty", "MSH", 10);

        String[] segments = factory.refuse(header("2.5"), error, "ACK2", NOW).split("\r");

        assertEquals("MSA|AE|MSG00001|MSH-10 message control id is empty", segments[1]);
        assertEquals("ERR||MSH^1^10|101^Required field missing^HL70357|E||||MSH-10 message control id is empty",
                segments[2]);
    }

    @Test
    void v23RefusalPutsEverythingInErr1() {
        Hl7InputException error = new Hl7InputException(ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                "message type BAR^P01 is not accepted on this interface", "MSH", 9);

        String[] segments = factory.refuse(header("2.3"), error, "ACK3", NOW).split("\r");

        assertTrue(segments[0].contains("|ACK^A04|ACK3|"), "v2.3 ACK has no message structure component");
        assertEquals("MSA|AR|MSG00001|message type BAR^P01 is not accepted on this interface".replace("^", "\\S\\"),
                segments[1]);
        assertEquals("ERR|MSH^1^9^200&Unsupported message type&HL70357", segments[2]);
    }

    @Test
    void unreadableInputStillGetsAnAck() {
        Hl7InputException error = new Hl7InputException(ErrorCode.SEGMENT_SEQUENCE_ERROR,
                "message does not start with an MSH segment", "MSH", 0);

        String ack = factory.refuse(Hl7MessageHeader.unreadable(), error, "ACK4", NOW);

        assertTrue(ack.startsWith("MSH|^~\\&|MEDRELAY|MEDRELAY|"));
        assertTrue(ack.contains("\rMSA|AR||message does not start with an MSH segment\r"));
    }
}
