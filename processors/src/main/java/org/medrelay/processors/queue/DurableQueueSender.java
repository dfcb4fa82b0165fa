package org.medrelay.processors.queue;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.medrelay.processors.hl7.MedRelayHeaders;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Puts the exchange's raw bytes on a durable JMS queue and completes the exchange only when the broker
 * confirms the message is stored: a persistent send with a JMS 2.0 {@link CompletionListener}. The calling
 * thread never waits for the disk, so the broker groups the syncs of every message in flight, from every
 * connection, into few journal writes; with Artemis the confirmation comes after the journal sync.
 *
 * <p>Sends go through a few lanes (a session and producer each, used by one thread at a time). Messages with
 * the same JMS group (one patient) always take the same lane, so they reach the queue in the order they
 * arrived. A lane whose session failed is reopened on its next use; the exchange that met the failure
 * fails, and the route answers it as "not stored".
 *
 * <p>The body is sealed ({@link QueueBodySealer}) before the send, outside the lane's lock: the broker journal
 * then never holds PHI in clear.
 */
public class DurableQueueSender extends AsyncProcessorSupport {

    private final ConnectionFactory connectionFactory;
    private final String queueName;
    private final Predicate<String> headersToCopy;
    private final QueueBodySealer sealer;
    private final Lane[] lanes;
    private final AtomicInteger roundRobin = new AtomicInteger();
    private Connection connection;

    /**
     * @param connectionFactory for Artemis, one with a confirmation window set: without it the broker
     *                          never confirms and the listener would be told "sent" before the disk is
     */
    public DurableQueueSender(ConnectionFactory connectionFactory, String queueName, int laneCount) {
        this(connectionFactory, queueName, laneCount, DurableQueueSender::isMedRelayHeader, QueueBodySealer.AS_IS);
    }

    /** @param sealer what the body becomes on the queue (sealed, for a body with PHI) */
    public DurableQueueSender(ConnectionFactory connectionFactory, String queueName, int laneCount,
                              QueueBodySealer sealer) {
        this(connectionFactory, queueName, laneCount, DurableQueueSender::isMedRelayHeader, sealer);
    }

    public DurableQueueSender(ConnectionFactory connectionFactory, String queueName, int laneCount,
                              Predicate<String> headersToCopy) {
        this(connectionFactory, queueName, laneCount, headersToCopy, QueueBodySealer.AS_IS);
    }

    public DurableQueueSender(ConnectionFactory connectionFactory, String queueName, int laneCount,
                              Predicate<String> headersToCopy, QueueBodySealer sealer) {
        if (laneCount < 1) {
            throw new IllegalArgumentException("laneCount must be at least 1");
        }
        this.connectionFactory = connectionFactory;
        this.queueName = queueName;
        this.headersToCopy = headersToCopy;
        this.sealer = sealer;
        this.lanes = new Lane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new Lane();
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Lane lane = laneFor(exchange);
        try {
            byte[] body = sealer.seal(exchange.getMessage(), exchange.getMessage().getMandatoryBody(byte[].class));
            lane.send(exchange, body, callback);
            return false;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    private Lane laneFor(Exchange exchange) {
        String group = exchange.getMessage().getHeader(MedRelayHeaders.GROUP_ID, String.class);
        int index = group != null ? Math.floorMod(group.hashCode(), lanes.length)
                : Math.floorMod(roundRobin.getAndIncrement(), lanes.length);
        return lanes[index];
    }

    @Override
    protected void doStart() throws Exception {
        connection = connectionFactory.createConnection();
        connection.start();
    }

    @Override
    protected void doStop() throws Exception {
        for (Lane lane : lanes) {
            lane.close();
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** The headers a processing route needs on the queue: MedRelay's own, JMS grouping, broker dedup id. */
    static boolean isMedRelayHeader(String name) {
        return name.startsWith("MedRelay") || name.equals(MedRelayHeaders.GROUP_ID)
                || name.equals(MedRelayHeaders.BROKER_DUPLICATE_ID);
    }

    /** One session and producer; JMS sessions are single-threaded, so sends on a lane take its lock. */
    private final class Lane {
        private Session session;
        private MessageProducer producer;

        synchronized void send(Exchange exchange, byte[] body, AsyncCallback callback) throws Exception {
            Message message;
            try {
                open();
                message = toJms(exchange, body);
            } catch (JMSException e) {
                close();
                throw e;
            }
            try {
                producer.send(message, new Confirmation(exchange, callback));
            } catch (JMSException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private void open() throws JMSException {
            if (session == null) {
                session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                producer = session.createProducer(session.createQueue(queueName));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            }
        }

        private Message toJms(Exchange exchange, byte[] body) throws Exception {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            for (Map.Entry<String, Object> header : exchange.getMessage().getHeaders().entrySet()) {
                Object value = header.getValue();
                if (value != null && headersToCopy.test(header.getKey())) {
                    message.setObjectProperty(header.getKey(), value instanceof Number || value instanceof Boolean
                            ? value : value.toString());
                }
            }
            return message;
        }

        synchronized void close() {
            if (session != null) {
                try {
                    session.close();
                } catch (JMSException ignored) {
                    // the session is being replaced; its failure was already reported to the exchange
                }
                session = null;
                producer = null;
            }
        }
    }

    /** Completes the exchange when the broker confirms (or refuses) the message. */
    private record Confirmation(Exchange exchange, AsyncCallback callback) implements CompletionListener {
        @Override
        public void onCompletion(Message message) {
            callback.done(false);
        }

        @Override
        public void onException(Message message, Exception exception) {
            exchange.setException(exception);
            callback.done(false);
        }
    }
}
