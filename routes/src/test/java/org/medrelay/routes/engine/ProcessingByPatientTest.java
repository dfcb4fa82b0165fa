package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.jms.JmsMessage;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Processing takes its parallelism from the patients, not from the ingest lanes: messages sent one by one (so stored
 * one per queue message, all under the one ingest lane's JMS group) for different patients are written to a slow
 * EHR side by side,
 * while one patient's messages still land in the order they were sent. And the hand-off from the inbound queue to
 * the processing queue is one transaction with the consume.
 */
class ProcessingByPatientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EHR_DELAY = Duration.ofMillis(250);

    @TempDir
    Path dataDir;

    /** A slow EHR: every request waits, and the most requests in progress at once are counted. */
    @Interceptor
    public static final class SlowEhr {
        final AtomicInteger inProgress = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
        public void slowly(RequestDetails request) throws InterruptedException {
            mostAtOnce.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
            try {
                Thread.sleep(EHR_DELAY.toMillis());
            } finally {
                inProgress.decrementAndGet();
            }
        }
    }

    @Test
    void messagesSentOneByOneForDifferentPatientsAreWrittenSideBySideAndOnePatientsInOrder() throws Exception {
        int mllpPort = TestEngines.freePort();
        int ehrPort = TestEngines.freePort();
        SlowEhr slow = new SlowEhr();
        try (SandboxFhirServer ehr = new SandboxFhirServer(SandboxFhirSettings.of(
                "jdbc:h2:file:" + dataDir.resolve("ehr") + ";WRITE_DELAY=0", "127.0.0.1", ehrPort, "/fhir"))
                .registerInterceptor(slow);
             MedRelayEngine engine = new MedRelayEngine(TestEngines.embedded(dataDir.resolve("engine"), mllpPort, ehrPort,
                     Map.of("medrelay.fhir.sandbox.enabled", "false"))).start()) {
            ehr.start();
            List<String> sent = new ArrayList<>();
            try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
                for (int patient = 1; patient <= 8; patient++) {
                    String controlId = "P" + patient;
                    send(client, Hl7MllpIngestTest.adtA04(controlId, "MRN-P" + patient, "Sidebyside"));
                    sent.add(controlId);
                }
                for (String family : List.of("Firstname", "Secondname", "Thirdname")) {
                    String controlId = "R-" + family;
                    send(client, Hl7MllpIngestTest.adtA04(controlId, "MRN-RENAMED", family));
                    sent.add(controlId);
                }
            }
            for (String controlId : sent) {
                Awaits.until(controlId + " processed", TIMEOUT, () -> engine.messageLog()
                        .statusOf("REGADT|MRH_CLINIC|" + controlId).filter(MessageStatus.PROCESSED::equals));
            }

            assertTrue(slow.mostAtOnce.get() >= 4, "messages sent one by one all went through the one ingest lane, and still "
                    + slow.mostAtOnce.get() + " EHR requests ran at once");
            Bundle renamed = FhirContext.forR4Cached().newRestfulGenericClient(ehr.getBaseUrl()).search()
                    .forResource(Patient.class).where(Patient.IDENTIFIER.exactly().code("MRN-RENAMED"))
                    .returnBundle(Bundle.class).execute();
            assertEquals(1, renamed.getEntry().size());
            assertEquals("Thirdname", ((Patient) renamed.getEntryFirstRep().getResource()).getNameFirstRep().getFamily(),
                    "one patient's messages were written in the order they were sent");
        }
    }

    @Test
    void whatTheHandOffSendsIsUndoneWithTheConsumeWhenTheRouteFails() throws Exception {
        try (MedRelayEngine engine = new MedRelayEngine(TestEngines.embedded(dataDir, TestEngines.freePort(),
                TestEngines.freePort(), Map.of("medrelay.hl7.processing.auto-startup", "false"))).start()) {
            // The hand-off's shape (hl7-process: transacted consume on the consumer's own session, InOnly send to
            // another queue), failing after the send on the first delivery: the send must go with the rolled-back
            // consume, so the message arrives once. And the send must use the very session the message came on: a
            // send in a session of its own would commit apart from the consume, and a crash between the two commits
            // would lose the message.
            ConnectionFactory connections = engine.camelContext().getComponent("jms", JmsComponent.class)
                    .getConfiguration().getConnectionFactory();
            List<Boolean> sentOnTheConsumersSession = new CopyOnWriteArrayList<>();
            engine.camelContext().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("jms:queue:test.handoff.in?transacted=true&lazyCreateTransactionManager=false"
                            + "&cacheLevelName=CACHE_CONSUMER")
                            .routeId("test-handoff")
                            .to(ExchangePattern.InOnly, "jms:queue:test.handoff.out?deliveryPersistent=true")
                            .process(exchange -> {
                                Object bound = TransactionSynchronizationManager.getResource(connections);
                                sentOnTheConsumersSession.add(bound instanceof JmsResourceHolder holder
                                        && holder.getSession() == exchange.getIn(JmsMessage.class).getJmsSession());
                            })
                            .filter(header("JMSRedelivered").isEqualTo(false))
                            .throwException(new IllegalStateException("first delivery fails after the send"));
                }
            });
            ProducerTemplate producer = engine.camelContext().createProducerTemplate();
            producer.sendBody("jms:queue:test.handoff.in?exchangePattern=InOnly", "handed off once");

            ConsumerTemplate consumer = engine.camelContext().createConsumerTemplate();
            assertNotNull(Optional.ofNullable(consumer.receiveBody("jms:queue:test.handoff.out", TIMEOUT.toMillis(),
                    String.class)).filter("handed off once"::equals).orElse(null));
            assertNull(consumer.receiveBody("jms:queue:test.handoff.out", 2_000, String.class),
                    "the send of the failed first delivery was rolled back with it");
            assertEquals(List.of(true, true), sentOnTheConsumersSession, "both deliveries sent on the consumer's session");
        }
    }

    private static void send(MllpClient client, String message) throws Exception {
        AckSummary ack = AckSummary.of(client.send(message.getBytes(StandardCharsets.UTF_8)));
        assertEquals("AA", ack.code());
    }
}
