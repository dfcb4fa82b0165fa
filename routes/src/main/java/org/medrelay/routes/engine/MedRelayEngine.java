package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.store.MessageLog;
import org.medrelay.routes.api.AccessApi;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;

/**
 * The runnable engine: starts the parts its configuration asks for (embedded broker, store, sandbox EHR),
 * then Camel with the YAML routes, and stops them in reverse order. The same class runs on the embedded
 * defaults and against production parts; only the properties differ.
 */
public final class MedRelayEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MedRelayEngine.class);

    private final EngineProperties props;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private Main main;
    private SandboxFhirServer sandbox;
    private MessageLog messageLog;
    private AccessApi accessApi;

    public MedRelayEngine(EngineProperties props) {
        this.props = props;
        H2Defaults.bindToLoopback();
    }

    public MedRelayEngine start() throws Exception {
        try {
            startParts();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        return this;
    }

    private void startParts() throws Exception {
        // First: a TLS misconfiguration should stop startup in a second, not after the broker and EHR are up.
        SSLContextParameters mllpTls = EngineComponents.mllpTls(props);
        Path dataDir = props.dataDir();
        Files.createDirectories(dataDir);
        // Before the broker: a bad secret stops startup before any message could be grouped under another key.
        PatientKeys patientKeys = PatientKeySecret.loadOrCreate(props);
        // Before the broker too: nothing is queued or stored until payloads can be sealed as configured.
        PayloadCipher payloadCipher = PayloadEncryptionKeys.forEngine(props);
        if (props.getBoolean("medrelay.broker.embedded")) {
            EmbeddedBroker broker = new EmbeddedBroker(dataDir.resolve("broker"),
                    props.get("medrelay.broker.journal-buffer-timeout-ns"),
                    props.getInt("medrelay.broker.max-queue-memory-mb") * 1024L * 1024L);
            broker.start();
            started.push(broker);
        }
        HikariDataSource store = StoreDataSources.openAndMigrate(new StoreSettings(props.get("medrelay.store.url"),
                props.get("medrelay.store.user"), props.get("medrelay.store.password"),
                props.getInt("medrelay.store.pool-size")));
        started.push(store);
        messageLog = new MessageLog(store, payloadCipher);
        if (props.getBoolean("medrelay.fhir.sandbox.enabled")) {
            sandbox = new SandboxFhirServer(SandboxFhirSettings.of(
                    // WRITE_DELAY=0: a write the sandbox EHR confirmed must survive the process being killed.
                    "jdbc:h2:file:" + dataDir.resolve("sandbox-fhir").resolve("ehr") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                    props.get("medrelay.fhir.sandbox.host"), props.getInt("medrelay.fhir.sandbox.port"), "/fhir"));
            sandbox.start();
            started.push(sandbox);
        }
        JmsPoolConnectionFactory jms = EngineComponents.connectionFactory(props);
        started.push(jms::stop);
        ActiveMQConnectionFactory confirmingJms = EngineComponents.confirmingConnectionFactory(props);
        started.push(confirmingJms);

        main = new Main();
        main.setInitialProperties(camelProperties());
        EngineComponents.bind(main, props, store, jms, confirmingJms, FhirContext.forR4Cached(), fhirBaseUrl(), mllpTls,
                patientKeys, payloadCipher);
        main.start();
        started.push(main::stop);
        if (props.getBoolean("medrelay.http.enabled")) {
            accessApi = AccessApi.start(main.getCamelContext(), props, store, patientKeys);
            started.push(accessApi);
        }
        LOG.info("MedRelay engine started: MLLP on port {}, data in {}", props.get("medrelay.mllp.port"), dataDir);
    }

    /** The configuration for Camel's placeholders, less the patient-key secret and payload keys: no route needs them. */
    private Properties camelProperties() {
        Properties camel = props.asProperties();
        camel.remove(PatientKeySecret.PROPERTY);
        camel.stringPropertyNames().stream().filter(PayloadEncryptionKeys::isSecret).forEach(camel::remove);
        return camel;
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    /** The log of accepted messages and how far each got. */
    public MessageLog messageLog() {
        return messageLog;
    }

    /** The port of the API and console listener, or -1 when {@code medrelay.http.enabled=false}. */
    public int httpPort() {
        return accessApi == null ? -1 : accessApi.port();
    }

    /** Base URL of the sandbox EHR when it runs (on the port it actually bound), else the configured EHR. */
    public String fhirBaseUrl() {
        return sandbox != null ? "http://localhost:" + sandbox.getPort() + "/fhir" : props.get("medrelay.fhir.base-url");
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C or SIGTERM), then shuts the engine down cleanly. */
    public void awaitShutdown() throws InterruptedException {
        Thread waiter = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            waiter.interrupt();
        }, "medrelay-shutdown"));
        while (true) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("Stopping an engine part failed: {}", e.toString());
            }
        }
    }
}
