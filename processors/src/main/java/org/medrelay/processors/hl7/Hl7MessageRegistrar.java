package org.medrelay.processors.hl7;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.store.MessageLog;

import java.nio.charset.Charset;
import java.time.Clock;

/**
 * First and last step of processing a message taken from the durable queue: records it in the message
 * log with its raw copy, flags a message already processed (a resend, or a redelivery after a crash) so it is skipped,
 * sets the {@link AuditSubject} the audited steps after it name, and marks it processed once written.
 */
public class Hl7MessageRegistrar {

    private final MessageLog messageLog;
    private final Hl7AuditSubjects auditSubjects;
    private final Clock clock;

    public Hl7MessageRegistrar(MessageLog messageLog, PatientKeys patientKeys, Clock clock) {
        this.messageLog = messageLog;
        this.auditSubjects = new Hl7AuditSubjects(patientKeys);
        this.clock = clock;
    }

    public void begin(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        byte[] raw = message.getMandatoryBody(byte[].class);
        String charsetName = message.getHeader(MedRelayHeaders.CHARSET, "UTF-8", String.class);
        Charset charset = Charset.forName(charsetName);
        Hl7MessageHeader header = Hl7MessageHeader.scan(new String(raw, charset));
        exchange.setProperty(MedRelayHeaders.HL7_HEADER_PROPERTY, header);
        exchange.setProperty(AuditSubject.EXCHANGE_PROPERTY,
                auditSubjects.of(header, message.getHeader(MedRelayHeaders.INTERFACE, String.class)));
        message.setHeader(MedRelayHeaders.DEDUP_KEY, header.deduplicationKey());
        message.setHeader(MedRelayHeaders.CONTROL_ID, header.controlId());
        message.setHeader(MedRelayHeaders.MESSAGE_TYPE, header.messageTypeAndEvent());
        // The raw copy is written here, after the ACK, from the durable queue's copy: the ACK path writes no store.
        boolean firstTime = messageLog.beginProcessing(header, raw, charsetName, clock.instant());
        message.setHeader(MedRelayHeaders.ALREADY_PROCESSED, !firstTime);
    }

    public void complete(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Integer written = message.getHeader(MedRelayHeaders.RESOURCES_WRITTEN, 0, Integer.class);
        messageLog.markProcessed(message.getHeader(MedRelayHeaders.DEDUP_KEY, String.class), written, clock.instant());
    }
}
