package org.medrelay.processors.hl7;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.medrelay.processors.crypto.PayloadBinding;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.queue.QueueBodySealer;

/**
 * An HL7v2 message's bytes on the durable inbound queue, sealed ({@link PayloadCipher}) and bound to the message's
 * dedup key, so the broker journal holds no PHI in clear. Sealed on the way in (by the MLLP listener's
 * {@link org.medrelay.processors.queue.DurableQueueSender}, and by {@code errors-reprocess}), opened as the first
 * step of processing.
 */
public class Hl7QueuePayload implements QueueBodySealer {

    private final PayloadCipher cipher;

    public Hl7QueuePayload(PayloadCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public byte[] seal(Message message, byte[] body) {
        return cipher.seal(body, bindingOf(message));
    }

    /** A route step before a plain JMS send (reprocessing): the body becomes its sealed form. */
    public void sealBody(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        message.setBody(seal(message, message.getMandatoryBody(byte[].class)));
    }

    /**
     * The first step of processing: the body becomes the bytes as received, also kept in
     * {@link MedRelayHeaders#RAW_MESSAGE_PROPERTY} for the error store (whose handlers see the queue's sealed copy).
     *
     * @throws org.medrelay.processors.crypto.PayloadDecryptionException for a body altered on the queue or sealed
     *                                                                   under a key that is not configured
     */
    public void open(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        byte[] raw = cipher.open(message.getMandatoryBody(byte[].class), bindingOf(message));
        message.setBody(raw);
        exchange.setProperty(MedRelayHeaders.RAW_MESSAGE_PROPERTY, raw);
    }

    private static PayloadBinding bindingOf(Message message) {
        return PayloadBinding.queuedHl7(message.getHeader(MedRelayHeaders.DEDUP_KEY, String.class));
    }
}
