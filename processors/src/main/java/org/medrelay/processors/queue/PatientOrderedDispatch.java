package org.medrelay.processors.queue;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceSupport;
import org.medrelay.processors.hl7.MedRelayHeaders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Sends the messages one queue message carries ({@link QueueBatches}) to the route that processes a message: one
 * patient's messages one after the other, in the order they arrived, and different patients' at the same time.
 *
 * <p>The listener batches what arrives together under load into few queue messages, so the queue's own grouping (one
 * JMS group per ingest lane) says nothing about how much processing may run at once; the patient does. A queue
 * message of one patient is processed on the consumer's thread. The call returns when every message is done: a
 * failure the processing route did not handle (it keeps its own retries and dead letters) fails the queue message,
 * which the broker redelivers, and the message log makes the redelivery of the done ones a no-op.
 */
public class PatientOrderedDispatch extends ServiceSupport implements Processor {

    private final QueueBatches batches;
    private final String processingUri;
    private final int patientsAtOnce;
    private CamelContext camelContext;
    private volatile ProducerTemplate producer;
    private ExecutorService patientThreads;

    /**
     * @param processingUri  the endpoint that processes one message (a direct: route)
     * @param patientsAtOnce threads shared by every consumer, for the patients of a queue message after the first
     */
    public PatientOrderedDispatch(QueueBatches batches, String processingUri, int patientsAtOnce) {
        if (patientsAtOnce < 1) {
            throw new IllegalArgumentException("patientsAtOnce must be at least 1");
        }
        this.batches = batches;
        this.processingUri = processingUri;
        this.patientsAtOnce = patientsAtOnce;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ExecutorService threads = patientThreads(exchange.getContext());
        List<List<Message>> patients = byPatient(batches.split(exchange));
        List<Future<Exception>> others = new ArrayList<>(patients.size() - 1);
        for (List<Message> patient : patients.subList(1, patients.size())) {
            others.add(threads.submit(() -> processInOrder(patient)));
        }
        Exception failure = processInOrder(patients.get(0));
        for (Future<Exception> other : others) {
            Exception otherFailure = waitFor(other);
            failure = failure != null ? failure : otherFailure;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The messages of each patient, in arrival order; patients in the order their first message came. */
    static List<List<Message>> byPatient(List<Message> messages) {
        Map<Object, List<Message>> patients = new LinkedHashMap<>();
        for (Message message : messages) {
            Object group = message.getHeader(MedRelayHeaders.GROUP_ID);
            // A message without a patient group (a plain JMS send) is a patient of its own.
            patients.computeIfAbsent(group != null ? group : new Object(), key -> new ArrayList<>()).add(message);
        }
        return new ArrayList<>(patients.values());
    }

    /** @return the first failure the processing route left unhandled; the patient's later messages then wait */
    private Exception processInOrder(List<Message> messages) {
        for (Message message : messages) {
            Exchange done = producer.send(processingUri, exchange -> exchange.setMessage(message));
            if (done.getException() != null) {
                return done.getException();
            }
        }
        return null;
    }

    private static Exception waitFor(Future<Exception> patient) throws InterruptedException {
        try {
            return patient.get();
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    /** Made on first use, from the context of the route that calls it: the bean is bound before that exists. */
    private synchronized ExecutorService patientThreads(CamelContext context) {
        if (patientThreads == null) {
            camelContext = context;
            producer = context.createProducerTemplate();
            patientThreads = context.getExecutorServiceManager()
                    .newFixedThreadPool(this, "hl7-processing-patients", patientsAtOnce);
        }
        return patientThreads;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (patientThreads != null) {
            camelContext.getExecutorServiceManager().shutdownGraceful(patientThreads);
            patientThreads = null;
        }
        if (producer != null) {
            producer.stop();
            producer = null;
        }
    }
}
