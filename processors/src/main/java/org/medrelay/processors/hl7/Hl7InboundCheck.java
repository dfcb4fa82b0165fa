package org.medrelay.processors.hl7;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.medrelay.mappings.hl7v2.Hl7Charsets;
import org.medrelay.mappings.hl7v2.Hl7EnvelopeValidator;
import org.medrelay.mappings.hl7v2.Hl7InputException;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.mappings.privacy.PatientKeys;

import java.nio.charset.Charset;

/**
 * The check an inbound HL7v2 message passes before it is stored and acknowledged: decode it in the
 * character set MSH-18 names, validate the envelope, and set the headers that route it (dedup key,
 * patient group). The body stays the raw bytes: what is stored is exactly what was received.
 *
 * <p>Throws {@link org.medrelay.mappings.hl7v2.Hl7InputException} for input to refuse.
 */
public class Hl7InboundCheck implements Processor {

    private final Hl7EnvelopeValidator validator;
    private final PatientKeys patientKeys;

    public Hl7InboundCheck(Hl7EnvelopeValidator validator, PatientKeys patientKeys) {
        this.validator = validator;
        this.patientKeys = patientKeys;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        byte[] raw = message.getMandatoryBody(byte[].class);
        Charset charset = Hl7Charsets.detect(raw);
        message.setHeader(MedRelayHeaders.CHARSET, charset.name());
        message.setHeader(MedRelayHeaders.INTERFACE, exchange.getFromRouteId());
        String text = new String(raw, charset);
        Hl7MessageHeader header;
        try {
            header = validator.validate(text);
        } catch (Hl7InputException refused) {
            // What could be read still identifies the message in the NACK and the error store.
            setIdentity(exchange, Hl7MessageHeader.scan(text));
            throw refused;
        }
        setIdentity(exchange, header);
        String patient = header.patientGroup(patientKeys);
        message.setHeader(MedRelayHeaders.GROUP_ID, patient);
        message.setHeader(MedRelayHeaders.PATIENT_GROUP, patient);
        message.setHeader(MedRelayHeaders.BROKER_DUPLICATE_ID, header.deduplicationKey());
    }

    private static void setIdentity(Exchange exchange, Hl7MessageHeader header) {
        exchange.setProperty(MedRelayHeaders.HL7_HEADER_PROPERTY, header);
        exchange.getMessage().setHeader(MedRelayHeaders.DEDUP_KEY, header.deduplicationKey());
        exchange.getMessage().setHeader(MedRelayHeaders.CONTROL_ID, header.controlId());
        exchange.getMessage().setHeader(MedRelayHeaders.MESSAGE_TYPE, header.messageTypeAndEvent());
    }
}
