package org.medrelay.mappings.fhir;

import ca.uhn.hl7v2.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrelay.mappings.hl7v2.Hl7InputException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnsupportedMessagesTest {

    private static final Hl7ToFhirMapper MAPPER = new Hl7ToFhirMapper();

    @ParameterizedTest
    @ValueSource(strings = {"BAR^P01", "QRY^A19", "ACK", "VXU^V04"})
    void unmappedTypesAreRefusedWithCode200NamingTheType(String type) {
        String text = "MSH|^~\\&|A|B|C|D|20261101||" + type + "|1|P|2.5\rPID|1||MRN1\r";

        Hl7InputException e = assertThrows(Hl7InputException.class, () -> MAPPER.toBundle(text));

        assertEquals(ErrorCode.UNSUPPORTED_MESSAGE_TYPE, e.getErrorCode());
        assertEquals("MSH-9", e.location());
        assertTrue(e.getMessage().contains(type), e.getMessage());
    }

    @Test
    void anUnmappedEventOfAMappedTypeIsRefusedWithCode201() {
        String text = "MSH|^~\\&|A|B|C|D|20261101||ADT^A20|1|P|2.5\rNPU|WARD1\r";

        Hl7InputException e = assertThrows(Hl7InputException.class, () -> MAPPER.toBundle(text));

        assertEquals(ErrorCode.UNSUPPORTED_EVENT_CODE, e.getErrorCode());
        assertTrue(e.getMessage().contains("ADT^A20"));
    }

    @Test
    void supportsAnswersFromTheMappingFiles() {
        assertTrue(MAPPER.supports("ADT", "A08"));
        assertTrue(MAPPER.supports("SIU", "S26"));
        assertFalse(MAPPER.supports("ADT", "A20"));
        assertFalse(MAPPER.supports("BAR", "P01"));
    }
}
