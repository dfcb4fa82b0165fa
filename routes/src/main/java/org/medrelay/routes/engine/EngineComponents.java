package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.hl7.HL7MLLPNettyEncoderFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.main.Main;
import org.medrelay.mappings.hl7v2.AckFactory;
import org.medrelay.mappings.hl7v2.Hl7EnvelopeValidator;
import org.medrelay.processors.fhir.FhirBundleWriter;
import org.medrelay.processors.hl7.Hl7Acknowledger;
import org.medrelay.processors.hl7.Hl7ErrorRecorder;
import org.medrelay.processors.hl7.Hl7FhirMapping;
import org.medrelay.processors.hl7.Hl7InboundCheck;
import org.medrelay.processors.hl7.Hl7MessageRegistrar;
import org.medrelay.processors.hl7.Hl7Reprocessor;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.processors.store.MessageLog;
import org.medrelay.routes.mllp.MllpFrameDecoderFactory;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The beans the YAML routes refer to by name ({@code #hl7InboundCheck}, {@code jms}, ...), built from
 * the engine's configuration and bound into Camel's registry. Declarative wiring, no singletons.
 */
final class EngineComponents {

    private EngineComponents() {
    }

    static void bind(Main main, EngineProperties props, DataSource store, JmsPoolConnectionFactory jms,
                     FhirContext fhirContext, String fhirBaseUrl) {
        Clock clock = Clock.systemDefaultZone();
        MessageLog messageLog = new MessageLog(store);
        ErrorStore errorStore = new ErrorStore(store);

        main.bind("medrelayStore", store);
        main.bind("jms", JmsComponent.jmsComponent(jms));
        main.bind("mllpFrameDecoder", new MllpFrameDecoderFactory(props.getInt("medrelay.mllp.max-frame-bytes")));
        main.bind("mllpFrameEncoder", new HL7MLLPNettyEncoderFactory());

        main.bind("hl7InboundCheck", new Hl7InboundCheck(new Hl7EnvelopeValidator(acceptedTypes(props))));
        main.bind("hl7Acknowledger", new Hl7Acknowledger(
                new AckFactory(props.get("medrelay.hl7.ack.application"), props.get("medrelay.hl7.ack.facility")),
                clock));
        main.bind("hl7ErrorRecorder", new Hl7ErrorRecorder(errorStore, messageLog, clock));
        main.bind("hl7MessageRegistrar", new Hl7MessageRegistrar(messageLog, clock));
        main.bind("hl7FhirMapping", new Hl7FhirMapping(mappingOverrides(props)));
        main.bind("fhirBundleWriter", new FhirBundleWriter(fhirContext, fhirClient(props, fhirContext, fhirBaseUrl)));
        main.bind("hl7Reprocessor", new Hl7Reprocessor(errorStore, clock));
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

    private static IGenericClient fhirClient(EngineProperties props, FhirContext fhirContext, String baseUrl) {
        fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        fhirContext.getRestfulClientFactory().setConnectTimeout(props.getInt("medrelay.fhir.connect-timeout-ms"));
        fhirContext.getRestfulClientFactory().setSocketTimeout(props.getInt("medrelay.fhir.socket-timeout-ms"));
        return fhirContext.newRestfulGenericClient(baseUrl);
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
