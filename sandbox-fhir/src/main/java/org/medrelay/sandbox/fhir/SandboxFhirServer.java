package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.zaxxer.hikari.HikariDataSource;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A HAPI FHIR R4 server, persisted in a relational database, that stands in for the practice's EHR when the
 * engine runs on its embedded defaults.
 *
 * <pre>{@code
 * try (SandboxFhirServer ehr = new SandboxFhirServer(SandboxFhirSettings.forDataDirectory(dataDir))) {
 *     ehr.start();
 *     String base = ehr.getBaseUrl();   // http://127.0.0.1:8080/fhir
 * }
 * }</pre>
 *
 * <p>An instance starts once; to restart, stop it and start a new one on the same settings.
 */
public final class SandboxFhirServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxFhirServer.class);

    private final SandboxFhirSettings settings;
    private final FhirContext fhirContext;
    private final List<Object> interceptors = new ArrayList<>();
    private HikariDataSource dataSource;
    private Server jetty;
    private ServerConnector connector;
    private boolean started;

    public SandboxFhirServer(SandboxFhirSettings settings) {
        this(settings, FhirContext.forR4Cached());
    }

    /** For a host that already holds an R4 context (building one takes about a second). */
    public SandboxFhirServer(SandboxFhirSettings settings, FhirContext fhirContext) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fhirContext = Objects.requireNonNull(fhirContext, "fhirContext");
    }

    /**
     * Adds a HAPI server interceptor (an object with {@code @Hook} methods), e.g. one that demands the bearer
     * token a real EHR would, so a client's authentication can be tested against a real FHIR server.
     * Interceptors are registered when the server starts, so add them before {@link #start()}.
     */
    public synchronized SandboxFhirServer registerInterceptor(Object interceptor) {
        Objects.requireNonNull(interceptor, "interceptor");
        if (started) {
            throw new IllegalStateException("Register interceptors before the sandbox FHIR server starts");
        }
        interceptors.add(interceptor);
        return this;
    }

    /** Migrates the schema, then listens; returns once requests are served. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("Sandbox FHIR server already started; create a new instance to restart");
        }
        started = true;
        try {
            SandboxDatabase.Opened database = SandboxDatabase.open(settings.jdbcUrl());
            dataSource = database.dataSource();
            Set<String> resourceTypes = SandboxRestfulServer.servedTypes(fhirContext);
            ResourceStore store = new ResourceStore(fhirContext, dataSource, resourceTypes);
            if (database.stringAndDateIndexAdded()) {
                store.rebuildStringAndDateIndex();
            }
            SandboxRestfulServer restfulServer = new SandboxRestfulServer(fhirContext, store, resourceTypes, settings);
            interceptors.forEach(restfulServer::registerInterceptor);
            jetty = newJetty(restfulServer);
            jetty.start();
        } catch (Exception e) {
            IllegalStateException failure = new IllegalStateException(
                    "Sandbox FHIR server failed to start on " + settings.host() + ":" + settings.port(), e);
            try {
                stop();
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        LOG.info("Sandbox FHIR server serving at {}", getBaseUrl());
    }

    private Server newJetty(SandboxRestfulServer restfulServer) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("sandbox-fhir");
        Server server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(settings.contextPath().isEmpty() ? "/" : settings.contextPath());
        ServletHolder fhirServlet = new ServletHolder("fhir", restfulServer);
        // Initialise HAPI while starting, so a broken provider fails start() rather than the first request.
        fhirServlet.setInitOrder(1);
        context.addServlet(fhirServlet, "/*");
        server.setHandler(context);
        return server;
    }

    /** Stops listening, then closes the database; safe to call more than once. */
    public synchronized void stop() {
        try {
            if (jetty != null) {
                jetty.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Sandbox FHIR server failed to stop", e);
        } finally {
            jetty = null;
            if (dataSource != null) {
                dataSource.close();
                dataSource = null;
                LOG.info("Sandbox FHIR server stopped");
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The port actually bound, which differs from the settings when they asked for an ephemeral one (0). */
    public synchronized int getPort() {
        if (connector == null || connector.getLocalPort() <= 0) {
            throw new IllegalStateException("Sandbox FHIR server is not running");
        }
        return connector.getLocalPort();
    }

    /** The FHIR base, e.g. {@code http://127.0.0.1:8080/fhir}, for clients on this machine. */
    public String getBaseUrl() {
        return "http://" + hostForUrl(settings.host()) + ":" + getPort() + settings.contextPath();
    }

    public boolean isRunning() {
        Server server = jetty;
        return server != null && server.isStarted();
    }

    public SandboxFhirSettings getSettings() {
        return settings;
    }

    /** A wildcard bind is reachable on loopback; a literal IPv6 address needs brackets in a URL. */
    private static String hostForUrl(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "localhost";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
