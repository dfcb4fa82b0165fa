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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Puts the exchange's raw bytes on a durable JMS queue and completes the exchange only when the broker
 * confirms the message is stored: a persistent send with a JMS 2.0 {@link CompletionListener}. The calling
 * thread never waits for the disk, so the broker groups the syncs of every message in flight, from every
 * connection, into few journal writes; with Artemis the confirmation comes after the journal sync.
 *
 * <p>Sends go through lanes (a session and producer each). Messages with the same JMS group (one patient) always
 * take the same lane, and a lane puts its messages on the queue in the order they arrived, under one JMS group of
 * its own, so processing keeps each patient's order. A lane has at most {@link LaneLimits#batchesInFlight()} sends
 * waiting for the broker; what arrives meanwhile is sent together, as one {@link QueueBatch}, when a confirmation
 * frees the lane. Light traffic is sent message by message, as it comes (with the broker's duplicate detection);
 * under load the broker's per-message work is shared by a batch, which is what lets ingest keep up with many
 * pipelining connections on few cores. A lane whose session failed is reopened on its next use; the exchanges
 * that met the failure fail, and the route answers them as "not stored".
 *
 * <p>The body is sealed ({@link QueueBodySealer}) before it joins a lane: the broker journal never holds PHI in
 * clear.
 */
public class DurableQueueSender extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DurableQueueSender.class);

    private final ConnectionFactory connectionFactory;
    private final String queueName;
    private final Predicate<String> headersToCopy;
    private final QueueBodySealer sealer;
    private final LaneLimits limits;
    private final Lane[] lanes;
    private final AtomicInteger roundRobin = new AtomicInteger();
    private Connection connection;

    /**
     * @param connectionFactory for Artemis, one with a confirmation window set: without it the broker
     *                          never confirms and the listener would be told "sent" before the disk is
     */
    public DurableQueueSender(ConnectionFactory connectionFactory, String queueName, int laneCount) {
        this(connectionFactory, queueName, laneCount, DurableQueueSender::isMedRelayHeader, QueueBodySealer.AS_IS,
                LaneLimits.DEFAULT);
    }

    /** @param sealer what the body becomes on the queue (sealed, for a body with PHI) */
    public DurableQueueSender(ConnectionFactory connectionFactory, String queueName, int laneCount,
                              QueueBodySealer sealer, LaneLimits limits) {
        this(connectionFactory, queueName, laneCount, DurableQueueSender::isMedRelayHeader, sealer, limits);
    }

    public DurableQueueSender(ConnectionFactory connectionFactory, String queueName, int laneCount,
                              Predicate<String> headersToCopy) {
        this(connectionFactory, queueName, laneCount, headersToCopy, QueueBodySealer.AS_IS, LaneLimits.DEFAULT);
    }

    public DurableQueueSender(ConnectionFactory connectionFactory, String queueName, int laneCount,
                              Predicate<String> headersToCopy, QueueBodySealer sealer, LaneLimits limits) {
        if (laneCount < 1) {
            throw new IllegalArgumentException("laneCount must be at least 1");
        }
        this.connectionFactory = connectionFactory;
        this.queueName = queueName;
        this.headersToCopy = headersToCopy;
        this.sealer = sealer;
        this.limits = limits;
        this.lanes = new Lane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new Lane(queueName + "-lane-" + i);
        }
    }

    /** How much a lane keeps in flight: sends waiting for the broker, and messages in one send. */
    public record LaneLimits(int batchesInFlight, int maxBatchSize) {

        public static final LaneLimits DEFAULT = new LaneLimits(1, 64);

        public LaneLimits {
            if (batchesInFlight < 1 || maxBatchSize < 1) {
                throw new IllegalArgumentException("a lane needs at least one send in flight of at least one message");
            }
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Lane lane = laneFor(exchange);
        try {
            byte[] body = sealer.seal(exchange.getMessage(), exchange.getMessage().getMandatoryBody(byte[].class));
            // Made here, on the caller's thread, so the lane's sends (often on the broker's callback thread) only
            // encode what is ready.
            Map<String, Object> headers = headersOf(exchange);
            Object duplicateId = headers.remove(MedRelayHeaders.BROKER_DUPLICATE_ID);
            lane.submit(new Pending(exchange, new QueueEntry(headers, body),
                    duplicateId == null ? null : duplicateId.toString(), callback));
            return false;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    private Map<String, Object> headersOf(Exchange exchange) {
        Map<String, Object> copied = new LinkedHashMap<>();
        for (Map.Entry<String, Object> header : exchange.getMessage().getHeaders().entrySet()) {
            Object value = header.getValue();
            if (value != null && headersToCopy.test(header.getKey())) {
                copied.put(header.getKey(), value instanceof Number || value instanceof Boolean
                        ? value : value.toString());
            }
        }
        return copied;
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

    /**
     * The headers a processing route needs on the queue: MedRelay's own (the patient among them) and the broker's
     * dedup id. Not the exchange's JMS group: on the queue that is the lane's.
     */
    static boolean isMedRelayHeader(String name) {
        return name.startsWith("MedRelay") || name.equals(MedRelayHeaders.BROKER_DUPLICATE_ID);
    }

    /**
     * An exchange waiting for its message to be stored: the queue entry (sealed body, headers) and the broker's
     * duplicate id, which only a message sent alone carries (on a batch it would drop the others).
     */
    private record Pending(Exchange exchange, QueueEntry entry, String duplicateId, AsyncCallback callback) {
    }

    /** Exchanges whose send failed, to be completed once the lane's lock is released. */
    private record FailedSend(List<Pending> batch, Exception cause) {
    }

    /**
     * One session and producer, used under the lane's lock (JMS sessions are single-threaded). Exchanges are
     * completed outside the lock: completing one writes its ACK and may hand the thread on to the next exchange.
     */
    private final class Lane {
        private final String group;
        private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
        private int inFlight;
        /** Which session a confirmation belongs to: one from a session since closed frees no place. */
        private int sessionNumber;
        private Session session;
        private MessageProducer producer;

        Lane(String group) {
            this.group = group;
        }

        void submit(Pending pending) {
            List<FailedSend> failed;
            synchronized (this) {
                waiting.add(pending);
                failed = sendWhileRoom();
            }
            failAll(failed);
        }

        /** Called by the broker's confirmation: frees a place, sends what waited, then completes the batch. */
        void confirmed(int onSession, List<Pending> batch, Exception refusal) {
            List<FailedSend> failed;
            synchronized (this) {
                if (onSession == sessionNumber) {
                    inFlight--;
                }
                failed = sendWhileRoom();
            }
            for (Pending pending : batch) {
                if (refusal != null) {
                    pending.exchange().setException(refusal);
                }
                pending.callback().done(false);
            }
            failAll(failed);
        }

        private List<FailedSend> sendWhileRoom() {
            List<FailedSend> failed = List.of();
            while (inFlight < limits.batchesInFlight() && !waiting.isEmpty()) {
                List<Pending> batch = nextBatch();
                try {
                    open();
                    producer.send(toJms(batch), new Confirmation(this, sessionNumber, batch));
                    inFlight++;
                } catch (JMSException | RuntimeException e) {
                    close();
                    failed = failed.isEmpty() ? new ArrayList<>() : failed;
                    failed.add(new FailedSend(batch, e));
                }
            }
            return failed;
        }

        private List<Pending> nextBatch() {
            int size = Math.min(waiting.size(), limits.maxBatchSize());
            List<Pending> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(waiting.poll());
            }
            return batch;
        }

        private void failAll(List<FailedSend> failed) {
            for (FailedSend send : failed) {
                LOG.warn("Durable send of {} message(s) on {} failed: {}", send.batch().size(), group,
                        send.cause().getClass().getSimpleName());
                for (Pending pending : send.batch()) {
                    pending.exchange().setException(send.cause());
                    pending.callback().done(false);
                }
            }
        }

        private void open() throws JMSException {
            if (session == null) {
                session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                producer = session.createProducer(session.createQueue(queueName));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            }
        }

        /** One message as it always was (JMS properties, the broker's duplicate id); several as a batch. */
        private Message toJms(List<Pending> batch) throws JMSException {
            BytesMessage message = session.createBytesMessage();
            if (batch.size() == 1) {
                Pending only = batch.get(0);
                message.writeBytes(only.entry().body());
                for (Map.Entry<String, Object> header : only.entry().headers().entrySet()) {
                    message.setObjectProperty(header.getKey(), header.getValue());
                }
                if (only.duplicateId() != null) {
                    message.setStringProperty(MedRelayHeaders.BROKER_DUPLICATE_ID, only.duplicateId());
                }
            } else {
                List<QueueEntry> entries = new ArrayList<>(batch.size());
                for (Pending pending : batch) {
                    entries.add(pending.entry());
                }
                message.writeBytes(QueueBatch.encode(entries));
                message.setIntProperty(QueueBatch.SIZE_PROPERTY, batch.size());
            }
            // The lane's own group: a patient's messages keep their order whether they went alone or in a batch.
            message.setStringProperty(MedRelayHeaders.GROUP_ID, group);
            return message;
        }

        synchronized void close() {
            if (session != null) {
                try {
                    session.close();
                } catch (JMSException ignored) {
                    // the session is being replaced; its failure was already reported to the exchanges
                }
                session = null;
                producer = null;
                // Sends on the closed session are confirmed or failed by it, if at all; the next one starts afresh.
                sessionNumber++;
                inFlight = 0;
            }
        }
    }

    /** Completes a batch's exchanges when the broker confirms (or refuses) its message. */
    private record Confirmation(Lane lane, int session, List<Pending> batch) implements CompletionListener {
        @Override
        public void onCompletion(Message message) {
            lane.confirmed(session, batch, null);
        }

        @Override
        public void onException(Message message, Exception exception) {
            lane.confirmed(session, batch, exception);
        }
    }
}
