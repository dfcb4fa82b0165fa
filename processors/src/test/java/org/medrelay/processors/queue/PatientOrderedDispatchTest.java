package org.medrelay.processors.queue;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.hl7.MedRelayHeaders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatientOrderedDispatchTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> processed = Collections.synchronizedList(new ArrayList<>());
    private final PatientOrderedDispatch dispatch = new PatientOrderedDispatch(new QueueBatches(), "direct:one", 4);
    /** Set by a test: what the processing route does with a message before it records it. */
    private volatile ProcessingStep step = controlId -> { };

    @BeforeEach
    void startRoute() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:one").process(exchange -> {
                    String controlId = exchange.getMessage().getHeader(MedRelayHeaders.CONTROL_ID, String.class);
                    step.run(controlId);
                    processed.add(controlId);
                });
            }
        });
        camel.start();
        dispatch.start();
    }

    @AfterEach
    void stop() {
        dispatch.stop();
        camel.stop();
    }

    @Test
    void eachPatientsMessagesAreProcessedInTheOrderTheyArrived() throws Exception {
        dispatch.process(batch("P1:a1", "P2:b1", "P1:a2", "P3:c1", "P2:b2", "P1:a3"));

        assertEquals(6, processed.size());
        assertEquals(List.of("a1", "a2", "a3"), ofPatient("a"));
        assertEquals(List.of("b1", "b2"), ofPatient("b"));
        assertEquals(List.of("c1"), ofPatient("c"));
    }

    @Test
    void differentPatientsAreProcessedAtTheSameTime() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        step = controlId -> {
            bothStarted.countDown();
            // Processed one after the other, the first would wait here for the second in vain.
            if (!bothStarted.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(controlId + " ran alone");
            }
        };

        dispatch.process(batch("P1:a1", "P2:b1"));

        assertEquals(2, processed.size());
    }

    @Test
    void aFailureTheRouteLeftUnhandledFailsTheQueueMessageAndHoldsThatPatientsLaterMessages() {
        IllegalStateException ehrDown = new IllegalStateException("EHR down");
        step = controlId -> {
            if (controlId.equals("a1")) {
                throw ehrDown;
            }
        };

        Exception thrown = assertThrows(Exception.class, () -> dispatch.process(batch("P1:a1", "P2:b1", "P1:a2")));

        assertSame(ehrDown, thrown);
        assertEquals(List.of("b1"), processed, "a2 waits for a1's redelivery; the other patient goes on");
    }

    @Test
    void aMessageSentAloneIsProcessedOnTheConsumersThread() throws Exception {
        List<String> threads = new ArrayList<>();
        step = controlId -> threads.add(Thread.currentThread().getName());
        Exchange alone = new DefaultExchange(camel);
        alone.getMessage().setHeader(MedRelayHeaders.CONTROL_ID, "x1");
        alone.getMessage().setBody(bytes("MSH|x1"));

        dispatch.process(alone);

        assertEquals(List.of("x1"), processed);
        assertEquals(List.of(Thread.currentThread().getName()), threads);
    }

    /** A queue batch of "PATIENT:controlId" entries, in that order. */
    private Exchange batch(String... entries) {
        List<QueueEntry> queued = new ArrayList<>();
        for (String entry : entries) {
            String[] patientAndId = entry.split(":");
            queued.add(new QueueEntry(Map.of(MedRelayHeaders.GROUP_ID, patientAndId[0],
                    MedRelayHeaders.CONTROL_ID, patientAndId[1]), bytes("MSH|" + patientAndId[1])));
        }
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(QueueBatch.SIZE_PROPERTY, queued.size());
        exchange.getMessage().setBody(QueueBatch.encode(queued));
        return exchange;
    }

    private List<String> ofPatient(String prefix) {
        synchronized (processed) {
            return processed.stream().filter(id -> id.startsWith(prefix)).toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface ProcessingStep {
        void run(String controlId) throws Exception;
    }
}
