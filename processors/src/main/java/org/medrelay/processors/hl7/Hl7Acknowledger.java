package org.medrelay.processors.hl7;

import org.apache.camel.Exchange;
import org.medrelay.mappings.hl7v2.AckFactory;
import org.medrelay.mappings.hl7v2.Hl7Charsets;
import org.medrelay.mappings.hl7v2.Hl7InputException;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * Turns the outcome of ingest into the ACK the sender receives, encoded in the sender's character set.
 * AA is only ever built after the message was durably stored: the route calls {@link #accepted} last.
 */
public class Hl7Acknowledger {

    private final AckFactory ackFactory;
    private final Clock clock;

    public Hl7Acknowledger(AckFactory ackFactory, Clock clock) {
        this.ackFactory = ackFactory;
        this.clock = clock;
    }

    /** AA: the message is on the durable queue. */
    public void accepted(Exchange exchange) {
        Hl7MessageHeader header = exchange.getProperty(MedRelayHeaders.HL7_HEADER_PROPERTY, Hl7MessageHeader.class);
        reply(exchange, ackFactory.accept(header, AckControlIds.next(), now()));
    }

    /** AR or AE with an ERR naming the problem: the message was refused (and kept in the error store). */
    public void refused(Exchange exchange) {
        Hl7InputException error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Hl7InputException.class);
        reply(exchange, ackFactory.refuse(headerOf(exchange), error, AckControlIds.next(), now()));
    }

    /** AR: the message could not be stored; the sender keeps it and resends. */
    public void unavailable(Exchange exchange) {
        reply(exchange, ackFactory.unavailable(headerOf(exchange), AckControlIds.next(), now()));
    }

    private Hl7MessageHeader headerOf(Exchange exchange) {
        Hl7MessageHeader header = exchange.getProperty(MedRelayHeaders.HL7_HEADER_PROPERTY, Hl7MessageHeader.class);
        if (header != null) {
            return header;
        }
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        return raw == null ? Hl7MessageHeader.unreadable() : Hl7MessageHeader.scan(new String(raw, charsetOf(exchange, raw)));
    }

    private static Charset charsetOf(Exchange exchange, byte[] raw) {
        String name = exchange.getMessage().getHeader(MedRelayHeaders.CHARSET, String.class);
        return name == null ? Hl7Charsets.detect(raw) : Charset.forName(name);
    }

    private void reply(Exchange exchange, String ack) {
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        Charset charset = raw == null ? java.nio.charset.StandardCharsets.US_ASCII : charsetOf(exchange, raw);
        exchange.getMessage().setBody(ack.getBytes(charset));
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }
}
