package org.medrelay.processors.queue;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueueBatchTest {

    private final CamelContext camel = new DefaultCamelContext();

    @Test
    void entriesComeBackInOrderWithTheirBodiesAndTypedHeaders() {
        QueueEntry first = new QueueEntry(Map.of("MedRelayControlId", "C1", "MedRelayAttempt", 3,
                "MedRelayReceivedAt", 1_764_000_000_000L, "MedRelayReprocess", true), bytes("MSH|first\r"));
        QueueEntry second = new QueueEntry(Map.of(), new byte[0]);
        QueueEntry third = new QueueEntry(Map.of("MedRelayControlId", "Ünïcode ✓"), new byte[] {0, (byte) 0xFF, 13});

        List<QueueEntry> decoded = QueueBatch.decode(QueueBatch.encode(List.of(first, second, third)));

        assertEquals(3, decoded.size());
        assertEquals(first.headers(), decoded.get(0).headers());
        assertEquals(Long.class, decoded.get(0).headers().get("MedRelayReceivedAt").getClass());
        assertEquals(Integer.class, decoded.get(0).headers().get("MedRelayAttempt").getClass());
        assertArrayEquals(first.body(), decoded.get(0).body());
        assertArrayEquals(new byte[0], decoded.get(1).body());
        assertEquals("Ünïcode ✓", decoded.get(2).headers().get("MedRelayControlId"));
        assertArrayEquals(third.body(), decoded.get(2).body());
    }

    @Test
    void bytesThatAreNoBatchOrAreCutShortAreRefused() {
        byte[] batch = QueueBatch.encode(List.of(new QueueEntry(Map.of("h", "v"), bytes("MSH|x\r"))));
        assertThrows(IllegalArgumentException.class, () -> QueueBatch.decode(bytes("MSH|^~\\&|not a batch")));
        assertThrows(IllegalArgumentException.class, () -> QueueBatch.decode(Arrays.copyOf(batch, batch.length - 2)));
        byte[] longer = Arrays.copyOf(batch, batch.length + 1);
        assertThrows(IllegalArgumentException.class, () -> QueueBatch.decode(longer));
    }

    @Test
    void aBatchSplitsIntoItsMessagesAndAMessageSentAloneIntoItself() throws Exception {
        Exchange batch = new DefaultExchange(camel);
        batch.getMessage().setHeader(QueueBatch.SIZE_PROPERTY, 2);
        batch.getMessage().setBody(QueueBatch.encode(List.of(
                new QueueEntry(Map.of("MedRelayControlId", "A1"), bytes("one")),
                new QueueEntry(Map.of("MedRelayControlId", "A2"), bytes("two")))));

        List<Message> parts = new QueueBatches().split(batch);
        assertEquals(2, parts.size());
        assertEquals("A2", parts.get(1).getHeader("MedRelayControlId"));
        assertArrayEquals(bytes("two"), parts.get(1).getBody(byte[].class));
        assertEquals(null, parts.get(0).getHeader(QueueBatch.SIZE_PROPERTY), "a part is one message, not a batch");

        Exchange alone = new DefaultExchange(camel);
        alone.getMessage().setHeader("MedRelayControlId", "B1");
        alone.getMessage().setBody(bytes("three"));
        List<Message> self = new QueueBatches().split(alone);
        assertEquals(1, self.size());
        assertNotSame(alone.getMessage(), self.get(0));
        assertEquals("B1", self.get(0).getHeader("MedRelayControlId"));
        assertArrayEquals(bytes("three"), self.get(0).getBody(byte[].class));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
