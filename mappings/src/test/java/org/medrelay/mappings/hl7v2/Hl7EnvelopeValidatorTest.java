package org.medrelay.mappings.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Hl7EnvelopeValidatorTest {

    private final Hl7EnvelopeValidator validator = new Hl7EnvelopeValidator(Set.of("ADT", "ORU"));

    @Test
    void readsTheHeaderOfAValidMessageWithLfSeparatorsAndZSegments() throws Exception {
        Hl7MessageHeader header = validator.validate(
                "MSH|^~\\&|LAB|HOSP|MR|MR|20261103||ORU^R01|C123|P|2.3\nPID|1||555^^^HOSP^MR\nZPI|x\n");

        assertEquals("ORU^R01", header.messageTypeAndEvent());
        assertEquals("LAB|HOSP|C123", header.deduplicationKey());
        assertEquals("HOSP:555", header.patientKey());
        assertEquals("", header.messageStructure(), "v2.3 headers often have no MSH-9.3");
    }

    @Test
    void unsupportedMessageTypeIsCode200AtMsh9() {
        Hl7InputException e = assertThrows(Hl7InputException.class,
                () -> validator.validate("MSH|^~\\&|A|B|C|D|20261103||BAR^P01|1|P|2.4\r"));
        assertEquals(ErrorCode.UNSUPPORTED_MESSAGE_TYPE, e.getErrorCode());
        assertEquals("MSH-9", e.location());
    }

    @Test
    void missingControlIdIsCode101AtMsh10() {
        Hl7InputException e = assertThrows(Hl7InputException.class,
                () -> validator.validate("MSH|^~\\&|A|B|C|D|20261103||ADT^A01||P|2.5\r"));
        assertEquals(ErrorCode.REQUIRED_FIELD_MISSING, e.getErrorCode());
        assertEquals("MSH-10", e.location());
    }

    @Test
    void lineThatIsNotASegmentIsCode100() {
        Hl7InputException e = assertThrows(Hl7InputException.class,
                () -> validator.validate("MSH|^~\\&|A|B|C|D|20261103||ADT^A01|1|P|2.5\r0|0|garbage\r"));
        assertEquals(ErrorCode.SEGMENT_SEQUENCE_ERROR, e.getErrorCode());
    }

    @Test
    void nonHl7v2VersionIsCode203() {
        Hl7InputException e = assertThrows(Hl7InputException.class,
                () -> validator.validate("MSH|^~\\&|A|B|C|D|20261103||ADT^A01|1|P|3.0\r"));
        assertEquals(ErrorCode.UNSUPPORTED_VERSION_ID, e.getErrorCode());
    }

    @Test
    void textWithoutMshIsRefused() {
        Hl7InputException e = assertThrows(Hl7InputException.class, () -> validator.validate("PID|1||x\r"));
        assertEquals(ErrorCode.SEGMENT_SEQUENCE_ERROR, e.getErrorCode());
    }

    @Test
    void blankLinesBetweenSegmentsAreAcceptedAndTheBadLineIsNamedByItsSegmentNumber() throws Exception {
        String message = "MSH|^~\\&|A|B|C|D|20261103||ADT^A01|1|P|2.5\r\n\r\n  \nEVN|A01\nPV1|1|O\npid|1\r";
        Hl7InputException e = assertThrows(Hl7InputException.class, () -> validator.validate(message));
        assertEquals(ErrorCode.SEGMENT_SEQUENCE_ERROR, e.getErrorCode());
        assertEquals("segment 4 does not start with a segment id", e.getMessage());
        assertEquals("ADT^A01", validator.validate(message.replace("pid|1", "PID|1")).messageTypeAndEvent());
    }

    @Test
    void aSegmentIdRunningIntoItsFirstFieldIsRefused() {
        assertThrows(Hl7InputException.class,
                () -> validator.validate("MSH|^~\\&|A|B|C|D|20261103||ADT^A01|1|P|2.5\rPIDX|1\r"));
    }

    @Test
    void encodingCharactersMustBeTwoToFiveDistinctPunctuationCharacters() throws Exception {
        for (String msh2 : new String[] {"^^\\&", "^A\\&", "^ \\&", "^", "^~\\&#$"}) {
            Hl7InputException e = assertThrows(Hl7InputException.class,
                    () -> validator.validate("MSH|" + msh2 + "|A|B|C|D|20261103||ADT^A01|1|P|2.5\r"), msh2);
            assertEquals(ErrorCode.DATA_TYPE_ERROR, e.getErrorCode(), msh2);
            assertEquals("MSH-2", e.location(), msh2);
        }
        assertEquals("^~\\&#", validator.validate("MSH|^~\\&#|A|B|C|D|20261103||ADT^A01|1|P|2.8\r").encodingCharacters());
    }
}
