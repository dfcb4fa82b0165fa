package org.medrelay.processors.queue;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.hl7.MedRelayHeaders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real embedded Artemis with a persistent journal, reached in-VM as the engine reaches it. */
class DurableQueueSenderTest {

    private static final String QUEUE = "test.inbound";

    @TempDir
    Path brokerDir;

    private final CamelContext camel = new DefaultCamelContext();
    private EmbeddedActiveMQ broker;
    private ActiveMQConnectionFactory connectionFactory;
    private DurableQueueSender sender;

    @BeforeEach
    void startBroker() throws Exception {
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(brokerDir.resolve("journal").toString())
                .setBindingsDirectory(brokerDir.resolve("bindings").toString())
                .setPagingDirectory(brokerDir.resolve("paging").toString())
                .setLargeMessagesDirectory(brokerDir.resolve("large").toString())
                .addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                        Map.of("serverId", 7))));
        broker.start();
        connectionFactory = new ActiveMQConnectionFactory("vm://7");
        connectionFactory.setConfirmationWindowSize(1024 * 1024);
        connectionFactory.setProducerWindowSize(-1);
        sender = start(new DurableQueueSender(connectionFactory, QUEUE, 4));
    }

    private DurableQueueSender start(DurableQueueSender started) {
        if (sender != null) {
            ServiceHelper.stopService(sender);
        }
        ServiceHelper.startService(started);
        return started;
    }

    @AfterEach
    void stopBroker() throws Exception {
        ServiceHelper.stopService(sender);
        connectionFactory.close();
        broker.stop();
    }

    @Test
    void confirmedMessageIsOnTheQueueWithItsBytesAndRoutingHeaders() throws Exception {
        byte[] raw = "MSH|^~\\&|REGADT|MRH|MEDRELAY|EHR|20261103||ADT^A04|C1|P|2.5\r".getBytes(StandardCharsets.ISO_8859_1);
        Exchange exchange = exchange(raw, Map.of(
                MedRelayHeaders.CONTROL_ID, "C1",
                MedRelayHeaders.GROUP_ID, "patient-1",
                MedRelayHeaders.BROKER_DUPLICATE_ID, "REGADT|MRH|C1",
                "CamelNettyRemoteAddress", "/127.0.0.1:50000"));

        send(exchange);

        assertNull(exchange.getException());
        List<BytesMessage> received = drain(1);
        assertArrayEquals(raw, body(received.get(0)));
        assertEquals("C1", received.get(0).getStringProperty(MedRelayHeaders.CONTROL_ID));
        assertEquals("REGADT|MRH|C1", received.get(0).getStringProperty(MedRelayHeaders.BROKER_DUPLICATE_ID));
        assertTrue(received.get(0).getStringProperty(MedRelayHeaders.GROUP_ID).startsWith(QUEUE + "-lane-"),
                "the lane's JMS group: one patient's messages keep their order alone or batched");
        assertNull(received.get(0).getObjectProperty("CamelNettyRemoteAddress"), "transport headers stay behind");
    }

    @Test
    void oneResentMessageIsStoredOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(exchange(new byte[] {1, 2, 3}, Map.of(MedRelayHeaders.BROKER_DUPLICATE_ID, "REGADT|MRH|C2")));
        }
        assertEquals(1, drain(3).size());
    }

    @Test
    void onePatientsMessagesReachTheQueueInTheOrderTheyWereSent() throws Exception {
        List<CompletableFuture<Exchange>> pending = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String patient = "patient-" + (i % 5);
            pending.add(sender.processAsync(exchange(String.valueOf(i).getBytes(StandardCharsets.US_ASCII),
                    Map.of(MedRelayHeaders.GROUP_ID, patient))));
        }
        for (CompletableFuture<Exchange> future : pending) {
            assertNull(future.get(10, TimeUnit.SECONDS).getException());
        }
        Map<Integer, Integer> lastSeen = new HashMap<>();
        List<QueueEntry> queued = entries(drain(300));
        assertEquals(300, queued.size());
        for (QueueEntry entry : queued) {
            int sequence = Integer.parseInt(new String(entry.body(), StandardCharsets.US_ASCII));
            Integer previous = lastSeen.put(sequence % 5, sequence);
            if (previous != null && previous > sequence) {
                throw new AssertionError("patient-" + sequence % 5 + ": message " + sequence + " queued after " + previous);
            }
        }
        assertEquals(5, lastSeen.size());
    }

    @Test
    void messagesArrivingWhileALaneWaitsForTheBrokerAreStoredTogetherInTheirOrderWithTheirOwnHeaders()
            throws Exception {
        sender = start(new DurableQueueSender(connectionFactory, QUEUE, 1, QueueBodySealer.AS_IS,
                new DurableQueueSender.LaneLimits(1, 64)));
        List<CompletableFuture<Exchange>> pending = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pending.add(sender.processAsync(exchange(String.valueOf(i).getBytes(StandardCharsets.US_ASCII), Map.of(
                    MedRelayHeaders.CONTROL_ID, "C" + i, MedRelayHeaders.GROUP_ID, "patient-" + (i % 3),
                    MedRelayHeaders.BROKER_DUPLICATE_ID, "REGADT|MRH|C" + i))));
        }
        for (CompletableFuture<Exchange> future : pending) {
            assertNull(future.get(10, TimeUnit.SECONDS).getException());
        }
        List<BytesMessage> sent = drain(200);
        assertTrue(sent.size() < 200, "one send at a time per lane: the rest waited and went together");
        assertTrue(sent.stream().anyMatch(this::isBatch));
        List<QueueEntry> queued = entries(sent);
        for (int i = 0; i < 200; i++) {
            assertEquals(String.valueOf(i), new String(queued.get(i).body(), StandardCharsets.US_ASCII));
            assertEquals("C" + i, queued.get(i).headers().get(MedRelayHeaders.CONTROL_ID));
        }
    }

    @Test
    void withTheBrokerGoneEveryWaitingExchangeFailsNoneHangs() throws Exception {
        sender = start(new DurableQueueSender(connectionFactory, QUEUE, 1, QueueBodySealer.AS_IS,
                new DurableQueueSender.LaneLimits(1, 4)));
        broker.stop();
        List<CompletableFuture<Exchange>> pending = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pending.add(sender.processAsync(exchange(new byte[] {(byte) i}, Map.of(MedRelayHeaders.GROUP_ID, "p"))));
        }
        for (CompletableFuture<Exchange> future : pending) {
            assertNotNull(future.get(15, TimeUnit.SECONDS).getException(), "not stored, and told so");
        }
    }

    @Test
    void withTheBrokerGoneTheExchangeFailsSoTheSenderIsToldNotStored() throws Exception {
        broker.stop();

        Exchange exchange = exchange(new byte[] {1}, Map.of(MedRelayHeaders.GROUP_ID, "patient-9"));
        send(exchange);

        assertNotNull(exchange.getException(), "a message the broker never confirmed must not complete as stored");
    }

    private Exchange exchange(byte[] body, Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        exchange.getMessage().getHeaders().putAll(headers);
        return exchange;
    }

    private void send(Exchange exchange) throws Exception {
        sender.processAsync(exchange).get(15, TimeUnit.SECONDS);
    }

    private List<BytesMessage> drain(int atMost) throws Exception {
        List<BytesMessage> received = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            while (received.size() < atMost) {
                BytesMessage message = (BytesMessage) consumer.receive(received.isEmpty() ? 5000 : 500);
                if (message == null) {
                    break;
                }
                received.add(message);
            }
        }
        return received;
    }

    private boolean isBatch(BytesMessage message) {
        try {
            return message.propertyExists(QueueBatch.SIZE_PROPERTY);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The messages on the queue as processing sees them: a batch's entries, or the message itself. */
    private List<QueueEntry> entries(List<BytesMessage> sent) throws Exception {
        List<QueueEntry> entries = new ArrayList<>();
        for (BytesMessage message : sent) {
            if (isBatch(message)) {
                entries.addAll(QueueBatch.decode(body(message)));
            } else {
                entries.add(new QueueEntry(Map.of(MedRelayHeaders.CONTROL_ID,
                        String.valueOf(message.getStringProperty(MedRelayHeaders.CONTROL_ID))), body(message)));
            }
        }
        return entries;
    }

    private static byte[] body(BytesMessage message) throws Exception {
        byte[] bytes = new byte[(int) message.getBodyLength()];
        message.readBytes(bytes);
        return bytes;
    }
}
