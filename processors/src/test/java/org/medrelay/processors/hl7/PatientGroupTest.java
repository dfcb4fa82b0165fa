package org.medrelay.processors.hl7;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.hl7v2.Hl7EnvelopeValidator;
import org.medrelay.mappings.privacy.PatientKeys;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The JMS group a message is queued under, which keeps one patient's messages in order: the same for every
 * message of a patient, whether it came in over MLLP or was put back from the error store, and no MRN in it.
 */
class PatientGroupTest {

    private static final String ADT = "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261103083000||ADT^%s^ADT_A01|%s|P|2.5\r"
            + "EVN|%1$s|20261103083000\r"
            + "PID|1||%s^^^MRH^MR||Groupcase^Ann||19800101|F\r";

    private final CamelContext camel = new DefaultCamelContext();
    private final PatientKeys patientKeys = new PatientKeys(secret());
    private final Hl7InboundCheck inboundCheck = new Hl7InboundCheck(new Hl7EnvelopeValidator(Set.of()), patientKeys);

    private static byte[] secret() {
        byte[] secret = new byte[PatientKeys.MIN_SECRET_BYTES];
        Arrays.fill(secret, (byte) 42);
        return secret;
    }

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    private String groupOnArrival(String event, String controlId, String mrn) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(ADT.formatted(event, controlId, mrn).getBytes(StandardCharsets.UTF_8));
        inboundCheck.process(exchange);
        return exchange.getMessage().getHeader(MedRelayHeaders.GROUP_ID, String.class);
    }

    @Test
    void aPatientsRegistrationAndUpdateShareOneGroupAndAnotherPatientHasItsOwn() throws Exception {
        String registration = groupOnArrival("A04", "G1", "MRN-G100");
        String update = groupOnArrival("A08", "G2", "MRN-G100");
        String otherPatient = groupOnArrival("A04", "G3", "MRN-G200");

        assertEquals(registration, update);
        assertNotEquals(registration, otherPatient);
        assertFalse(registration.contains("G100"), registration);
    }

    @Test
    void aReprocessedMessageRejoinsItsPatientsGroup() throws Exception {
        String onArrival = groupOnArrival("A08", "G4", "MRN-G300");
        Exchange reprocess = new DefaultExchange(camel);
        reprocess.getMessage().setBody(new Hl7Reprocessor.ReprocessRequest(7,
                ADT.formatted("A08", "G4", "MRN-G300").getBytes(StandardCharsets.UTF_8)));

        new Hl7Reprocessor(null, patientKeys, Clock.systemUTC()).prepare(reprocess);

        assertEquals(onArrival, reprocess.getMessage().getHeader(MedRelayHeaders.GROUP_ID, String.class));
    }
}
