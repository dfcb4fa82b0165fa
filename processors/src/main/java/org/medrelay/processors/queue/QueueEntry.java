package org.medrelay.processors.queue;

import java.util.Map;

/**
 * One message in a {@link QueueBatch}: its body as it was put on the queue (sealed, for a body with PHI) and the
 * headers a processing route needs, which a message sent alone carries as JMS properties.
 */
public record QueueEntry(Map<String, Object> headers, byte[] body) {

    public QueueEntry {
        headers = Map.copyOf(headers);
    }
}
