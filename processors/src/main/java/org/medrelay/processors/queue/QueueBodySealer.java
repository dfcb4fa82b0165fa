package org.medrelay.processors.queue;

import org.apache.camel.Message;

/**
 * What a message's body becomes on the durable queue: the broker journal holds it on disk, so a body with PHI
 * is sealed before it is sent ({@link org.medrelay.processors.hl7.Hl7QueuePayload}).
 */
@FunctionalInterface
public interface QueueBodySealer {

    /** Sends the body as it is. */
    QueueBodySealer AS_IS = (message, body) -> body;

    /** @param message the Camel message, for the headers that identify it (the binding of a sealed body) */
    byte[] seal(Message message, byte[] body);
}
