package org.medrelay.processors.queue;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The first step of a route that consumes a queue {@link DurableQueueSender} fills: the messages one queue message
 * carries, for a splitter. A batch ({@link QueueBatch#SIZE_PROPERTY} set) gives its entries, each with its own
 * headers; any other message (sent alone, or put on the queue by a plain JMS send) gives itself.
 */
public class QueueBatches {

    public List<Message> split(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        if (message.getHeader(QueueBatch.SIZE_PROPERTY) == null) {
            return List.of(message.copy());
        }
        List<QueueEntry> entries = QueueBatch.decode(message.getMandatoryBody(byte[].class));
        List<Message> messages = new ArrayList<>(entries.size());
        for (QueueEntry entry : entries) {
            Message part = new DefaultMessage(exchange.getContext());
            part.setHeaders(new HashMap<>(entry.headers()));
            part.setBody(entry.body());
            messages.add(part);
        }
        return messages;
    }
}
