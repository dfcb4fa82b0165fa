package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.component.hl7.HL7MLLPNettyEncoderFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.main.Main;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.medrelay.mappings.hl7v2.AckFactory;
import org.medrelay.mappings.hl7v2.Hl7EnvelopeValidator;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditRetention;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.deid.Deidentifier;
import org.medrelay.processors.drafting.DraftingAudit;
import org.medrelay.processors.drafting.DraftingModels;
import org.medrelay.processors.drafting.DraftingProperties;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.fhir.AuditedFhirWriter;
import org.medrelay.processors.fhir.FhirBundleWriter;
import org.medrelay.processors.hl7.ErrorStoreAuditor;
import org.medrelay.processors.hl7.Hl7Acknowledger;
import org.medrelay.processors.hl7.MllpFramingError;
import org.medrelay.processors.hl7.Hl7AuditRecorder;
import org.medrelay.processors.hl7.Hl7ErrorRecorder;
import org.medrelay.processors.hl7.Hl7FhirMapping;
import org.medrelay.processors.hl7.Hl7InboundCheck;
import org.medrelay.processors.hl7.Hl7MessageRegistrar;
import org.medrelay.processors.hl7.Hl7QueuePayload;
import org.medrelay.processors.hl7.Hl7Reprocessor;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.processors.queue.DurableQueueSender;
import org.medrelay.processors.queue.PatientProcessingGroups;
import org.medrelay.processors.queue.QueueBatches;
import org.medrelay.processors.remittance.CorrectedClaimDrafts;
import org.medrelay.processors.refill.RefillFaxTriage;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.store.MessageLog;
import org.medrelay.routes.mllp.MllpAckOrder;
import org.medrelay.routes.mllp.MllpConnectionErrorLogger;
import org.medrelay.routes.mllp.MllpFlushConsolidationFactory;
import org.medrelay.routes.mllp.MllpFrameDecoderFactory;
import org.medrelay.routes.mllp.MllpTlsContextFactory;
import org.medrelay.routes.mllp.MllpTlsSettings;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

import jakarta.jms.ConnectionFactory;
import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The beans the YAML routes refer to by name ({@code #hl7InboundCheck}, {@code jms}, ...), built from
 * the engine's configuration and bound into Camel's registry. Declarative wiring, no singletons.
 */
final class EngineComponents {

    /** The processing route's id: what audit entries name as the actor of processing and EHR writes. */
    private static final String PROCESSING_COMPONENT = "hl7-process";

    private EngineComponents() {
    }

    /**
     * @param mllpTls     from {@link #mllpTls}, built before anything starts
     * @param patientKeys from {@link PatientKeySecret}: the broker groups and the audit trail name patients by them
     * @param payloadCipher from {@link PayloadEncryptionKeys}: seals what is queued and stored, opens what is read
     */
    static void bind(Main main, EngineProperties props, DataSource store, JmsPoolConnectionFactory jms,
                     ConnectionFactory confirmingJms, FhirContext fhirContext, String fhirBaseUrl,
                     SSLContextParameters mllpTls, PatientKeys patientKeys, PayloadCipher payloadCipher) {
        Clock clock = Clock.systemDefaultZone();
        MessageLog messageLog = new MessageLog(store, payloadCipher);
        ErrorStore errorStore = new ErrorStore(store, payloadCipher);
        Hl7QueuePayload queuePayload = new Hl7QueuePayload(payloadCipher);
        AuditTrail auditTrail = new AuditTrail(store);
        String processingActor = AuditActors.system(PROCESSING_COMPONENT);

        main.bind("medrelayStore", store);
        main.bind("errorStore", errorStore);
        main.bind("hl7QueuePayload", queuePayload);
        main.bind("jms", JmsComponent.jmsComponent(jms));
        main.bind("mllpFrameDecoder", new MllpFrameDecoderFactory(props.getInt("medrelay.mllp.max-frame-bytes")));
        main.bind("mllpFrameEncoder", new HL7MLLPNettyEncoderFactory());
        main.bind("mllpFlushConsolidation", new MllpFlushConsolidationFactory());
        main.bind("mllpConnectionErrors", new MllpConnectionErrorLogger());
        main.bind("mllpTlsParameters", mllpTls);
        MllpAckOrder ackOrder = new MllpAckOrder();
        main.bind("takeAckTurn", ackOrder.takeTurn());
        main.bind("ackInTurn", ackOrder.inTurn());
        main.bind("hl7DurableQueue", new DurableQueueSender(confirmingJms, props.get("medrelay.hl7.inbound-queue"),
                props.getInt("medrelay.hl7.ingest.send-lanes"), queuePayload, new DurableQueueSender.LaneLimits(
                        props.getInt("medrelay.hl7.ingest.lane-sends-in-flight"),
                        props.getInt("medrelay.hl7.ingest.max-batch-messages"))));
        main.bind("queueBatches", new QueueBatches());
        main.bind("hl7ProcessingGroups", new PatientProcessingGroups(props.getInt("medrelay.hl7.processing.patient-groups")));

        main.bind("hl7InboundCheck", new Hl7InboundCheck(new Hl7EnvelopeValidator(acceptedTypes(props)),
                patientKeys));
        Hl7Acknowledger acknowledger = new Hl7Acknowledger(
                new AckFactory(props.get("medrelay.hl7.ack.application"), props.get("medrelay.hl7.ack.facility")), clock);
        main.bind("hl7Acknowledger", acknowledger);
        // On the ingest path as a Processor and a Predicate: a bean call binds its method per message, and the simple
        // language's "is 'class'" loads the class per message; together a tenth of the confirmation thread's time.
        main.bind("hl7AckAccepted", (Processor) acknowledger::accepted);
        main.bind("isMllpFramingError", (Predicate) exchange -> exchange.getIn().getBody() instanceof MllpFramingError);
        main.bind("hl7ErrorRecorder", new Hl7ErrorRecorder(errorStore, messageLog, clock));
        main.bind("hl7MessageRegistrar", new Hl7MessageRegistrar(messageLog, patientKeys, clock));
        main.bind("hl7FhirMapping", new Hl7FhirMapping(mappingOverrides(props)));
        main.bind("hl7AuditRecorder", new Hl7AuditRecorder(auditTrail, processingActor, clock));
        IGenericClient ehr = EhrClient.create(props, fhirContext, fhirBaseUrl);
        main.bind("auditedFhirWriter", new AuditedFhirWriter(new FhirBundleWriter(fhirContext, ehr), auditTrail,
                processingActor, clock));
        main.bind("hl7Reprocessor", new Hl7Reprocessor(errorStore, patientKeys, clock));
        main.bind("errorStoreAuditor", new ErrorStoreAuditor(store, errorStore, auditTrail, PROCESSING_COMPONENT,
                patientKeys, clock));
        main.bind("auditRetention", new AuditRetention(store, auditTrail,
                Duration.ofDays(props.getLong("medrelay.audit.retention-days")), clock));
        WorkItemIntake intake = WorkItemComponents.bind(main, props, store, auditTrail, ehr, payloadCipher, clock);
        // prior auth first: its 278 responses arrive through the eligibility clearinghouse inbox
        PriorAuthComponents.EligibilityLinks priorAuth = PriorAuthComponents.bind(main, props, store, auditTrail, ehr, payloadCipher, clock);
        EligibilityComponents.bind(main, props, store, auditTrail, fhirContext, ehr, intake, patientKeys, payloadCipher, clock,
                priorAuth);
        CorrectedClaimDrafts correctedClaims = ClaimsComponents.bind(main, props, store, auditTrail, payloadCipher, clock);
        RemittanceComponents.bind(main, props, store, auditTrail, fhirContext, ehr, intake, patientKeys, payloadCipher,
                correctedClaims, clock);
        // Built at startup so a misconfigured endpoint (identified data to one without an agreement) stops the
        // engine rather than the first draft.
        DraftingModels drafting = new DraftingModels(
                new DraftingProperties(props.asProperties()::getProperty, System::getenv), new Deidentifier(),
                new DraftingAudit(auditTrail, clock));
        main.bind("draftingModels", drafting);
        RefillFaxTriage refillFaxes = RefillComponents.bind(main, props, store, auditTrail, fhirContext, ehr, intake, drafting,
                patientKeys, clock);
        // after refills: a refill-request fax is triaged by the same protocols and work items
        FaxComponents.bind(main, props, store, auditTrail, fhirContext, ehr, intake, patientKeys, payloadCipher,
                props.getBoolean("medrelay.fax.refill-triage") ? refillFaxes : null, clock);
        NoShowComponents.bind(main, props, store, auditTrail, ehr, intake, drafting, patientKeys, clock);
        ReferralComponents.bind(main, props, store, auditTrail, intake, clock);
    }

    /**
     * The MLLP listener's TLS parameters from {@code medrelay.mllp.tls.*}. Opens the keystores, so a wrong path
     * or password fails here with the property named; the route refers to the result whether TLS is on or not.
     */
    static SSLContextParameters mllpTls(EngineProperties props) {
        return MllpTlsContextFactory.forListener(MllpTlsSettings.from(props::get));
    }

    static JmsPoolConnectionFactory connectionFactory(EngineProperties props) {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory(props.get("medrelay.broker.url"),
                emptyToNull(props.get("medrelay.broker.user")), emptyToNull(props.get("medrelay.broker.password")));
        JmsPoolConnectionFactory pool = new JmsPoolConnectionFactory();
        pool.setConnectionFactory(artemis);
        pool.setMaxConnections(4);
        pool.setMaxSessionsPerConnection(500);
        return pool;
    }

    /**
     * A connection factory whose sends the broker confirms one by one once they are stored, for the
     * asynchronous durable enqueue (Artemis confirms nothing unless a confirmation window is set).
     */
    static ActiveMQConnectionFactory confirmingConnectionFactory(EngineProperties props) {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory(props.get("medrelay.broker.url"),
                emptyToNull(props.get("medrelay.broker.user")), emptyToNull(props.get("medrelay.broker.password")));
        artemis.setConfirmationWindowSize(props.getInt("medrelay.broker.confirmation-window-bytes"));
        // No producer flow control on this factory: a lane sends its next batch from the broker's confirmation
        // callback, which must never block waiting for credits the same callback thread would deliver. What a lane
        // has in flight is bounded by medrelay.hl7.ingest.lane-sends-in-flight x max-batch-messages instead.
        artemis.setProducerWindowSize(-1);
        return artemis;
    }

    private static Set<String> acceptedTypes(EngineProperties props) {
        return Arrays.stream(props.get("medrelay.hl7.accepted-message-types").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static Path mappingOverrides(EngineProperties props) {
        String dir = props.get("medrelay.mappings.dir");
        return dir.isEmpty() ? null : Path.of(dir);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
