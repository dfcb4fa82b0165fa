package org.medrelay.processors.hl7;

import org.apache.camel.Exchange;
import org.medrelay.mappings.hl7v2.Hl7InputException;
import org.medrelay.processors.fhir.EhrWriteException;
import org.medrelay.processors.store.ErrorKind;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.processors.store.MessageError;
import org.medrelay.processors.store.MessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;

/**
 * Keeps a message that was refused or could not be processed in the error store, with its original
 * bytes and the reason, so it is never lost and can be reprocessed. Logs only ids and codes: never
 * message content.
 */
public class Hl7ErrorRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(Hl7ErrorRecorder.class);

    private final ErrorStore errorStore;
    private final MessageLog messageLog;
    private final Clock clock;

    public Hl7ErrorRecorder(ErrorStore errorStore, MessageLog messageLog, Clock clock) {
        this.errorStore = errorStore;
        this.messageLog = messageLog;
        this.clock = clock;
    }

    /** A message refused at the door (it gets AR/AE). */
    public void rejected(Exchange exchange) throws Exception {
        record(exchange, ErrorKind.REJECTED);
    }

    /** A message accepted, then refused by the parser or mapper: retrying cannot help. */
    public void unprocessable(Exchange exchange) throws Exception {
        record(exchange, ErrorKind.UNPROCESSABLE);
        markFailed(exchange);
    }

    /** A message whose processing failed on every retry. */
    public void deadLetter(Exchange exchange) throws Exception {
        record(exchange, ErrorKind.DEAD_LETTER);
        markFailed(exchange);
    }

    /** Bytes outside an MLLP frame: no message to acknowledge, but kept for diagnosis. */
    public void framingError(Exchange exchange) throws Exception {
        MllpFramingError framing = exchange.getMessage().getMandatoryBody(MllpFramingError.class);
        MessageError error = new MessageError(ErrorKind.FRAMING, interfaceOf(exchange), null, null, null, null, null,
                framing.reason(), null, null, framing.bytes(),
                exchange.getMessage().getHeader("CamelNettyRemoteAddress", String.class));
        long id = errorStore.record(error, clock.instant());
        LOG.warn("MLLP framing error on {} stored as error #{}: {} ({} bytes)", error.interfaceName(), id,
                framing.reason(), framing.bytes().length);
        exchange.getMessage().setBody(null);
    }

    private void record(Exchange exchange, ErrorKind kind) throws Exception {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // In processing, the original message is the queue's sealed copy; the bytes as received were kept aside when
        // it was opened. A copy that could not be opened is kept as it is: sealed still, but not lost.
        byte[] opened = exchange.getProperty(MedRelayHeaders.RAW_MESSAGE_PROPERTY, byte[].class);
        byte[] raw = opened != null ? opened : exchange.getMessage().getBody(byte[].class);
        MessageError error = new MessageError(kind,
                interfaceOf(exchange),
                exchange.getMessage().getHeader(MedRelayHeaders.DEDUP_KEY, String.class),
                exchange.getMessage().getHeader(MedRelayHeaders.CONTROL_ID, String.class),
                exchange.getMessage().getHeader(MedRelayHeaders.MESSAGE_TYPE, String.class),
                cause instanceof Hl7InputException input ? input.getErrorCode().getCode() : null,
                cause instanceof Hl7InputException input ? input.location() : null,
                reasonOf(cause),
                cause == null ? null : stackTrace(cause),
                exchange.getMessage().getHeader(MedRelayHeaders.CHARSET, String.class),
                raw == null ? new byte[0] : raw,
                exchange.getMessage().getHeader("CamelNettyRemoteAddress", String.class));
        long id = errorStore.record(error, clock.instant());
        LOG.warn("HL7v2 message {} on {} stored as {} error #{}: {}", error.controlId(), error.interfaceName(),
                kind.label(), id, cause == null ? "no exception" : cause.getClass().getSimpleName());
    }

    private void markFailed(Exchange exchange) throws Exception {
        String key = exchange.getMessage().getHeader(MedRelayHeaders.DEDUP_KEY, String.class);
        if (key != null) {
            messageLog.markFailed(key, clock.instant());
        }
    }

    private static String interfaceOf(Exchange exchange) {
        String name = exchange.getMessage().getHeader(MedRelayHeaders.INTERFACE, String.class);
        return name != null ? name : String.valueOf(exchange.getFromRouteId());
    }

    private static String reasonOf(Throwable cause) {
        if (cause == null) {
            return "unknown";
        }
        if (cause instanceof Hl7InputException) {
            return cause.getMessage();
        }
        if (cause instanceof EhrWriteException) {
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        // Other exceptions come from the broker or the store, whose messages can quote a value (a SQL error
        // repeating the row it refused): the kind of failure only. The stack trace is kept with the message.
        return cause.getClass().getSimpleName();
    }

    private static String stackTrace(Throwable cause) {
        StringWriter out = new StringWriter();
        cause.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
