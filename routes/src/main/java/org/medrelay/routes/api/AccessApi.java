package org.medrelay.routes.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.medrelay.processors.access.LockoutPolicy;
import org.medrelay.processors.access.PasswordHashing;
import org.medrelay.processors.access.PasswordLogin;
import org.medrelay.processors.access.UserAccounts;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.eligibility.EligibilityRecheck;
import org.medrelay.processors.eligibility.EligibilityRequests;
import org.medrelay.processors.eligibility.FhirEligibilityFeed;
import org.medrelay.processors.hl7.Hl7AuditSubjects;
import org.medrelay.processors.hl7.ReprocessRequests;
import org.medrelay.processors.review.ScorecardCalculator;
import org.medrelay.processors.review.WorkItemActions;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.routes.engine.EngineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The engine's HTTP listener for the API ({@code /api}) and the console ({@code /console/}): Camel's Vert.x
 * platform-http server on {@code medrelay.http.host:port} (TLS from {@code medrelay.http.tls.*}), with the API's
 * handlers on its Vert.x Web router. Started after Camel, because it uses the work item beans Camel's registry holds.
 */
public final class AccessApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccessApi.class);

    private final CamelContext camel;
    private final VertxPlatformHttpServer server;

    private AccessApi(CamelContext camel, VertxPlatformHttpServer server) {
        this.camel = camel;
        this.server = server;
    }

    /** @param patientKeys names the patient of a message whose reprocessing is requested, in its audit entry */
    public static AccessApi start(CamelContext camel, EngineProperties props, DataSource store,
                                  PatientKeys patientKeys) throws Exception {
        HttpSettings settings = HttpSettings.from(props);
        SSLContextParameters tls = HttpTlsContextFactory.fromProperties(props);
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(settings.host());
        configuration.setBindPort(settings.port());
        configuration.setSslContextParameters(tls);
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(configuration);
        camel.addService(server, true, true);
        Router router = VertxPlatformHttpRouter.lookup(camel, VertxPlatformHttpRouter.getRouterNameFromPort(
                settings.port()));
        install(router, settings, tls != null, beans(camel, props, store, patientKeys, settings));
        LOG.info("API and console on {}://{}:{}/console/", tls != null ? "https" : "http", settings.host(),
                server.getPort());
        return new AccessApi(camel, server);
    }

    /** The port the listener bound (the configured one, or the one the system chose for 0). */
    public int port() {
        return server.getPort();
    }

    /** The parts the handlers use, built once. */
    private record Beans(Sessions sessions, CallerAuthentication authentication, SessionEndpoints sessionEndpoints,
                         ApiErrors errors, WorkItemEndpoints workItems, AuditEndpoint audit,
                         ScorecardEndpoint scorecard, ErrorEndpoints errorStore, EligibilityEndpoints eligibility) {
    }

    private static Beans beans(CamelContext camel, EngineProperties props, DataSource store, PatientKeys patientKeys,
                               HttpSettings settings) {
        Clock clock = Clock.systemUTC();
        AuditTrail trail = new AuditTrail(store);
        ApiAudit audit = new ApiAudit(trail, clock);
        UserAccounts accounts = new UserAccounts(store, trail);
        PasswordLogin login = new PasswordLogin(accounts,
                new PasswordHashing(props.getInt("medrelay.access.password-iterations")),
                new LockoutPolicy(props.getInt("medrelay.access.lockout-attempts"),
                        Duration.ofMinutes(props.getLong("medrelay.access.lockout-minutes"))), trail);
        Sessions sessions = new Sessions(settings.idleTimeout(), settings.maxLifetime(), clock);
        boolean tls = props.getBoolean(HttpTlsContextFactory.PREFIX + "enabled");
        // The engine's own: it opens payloads sealed at rest.
        ErrorStore errorStore = bean(camel, "errorStore", ErrorStore.class);
        return new Beans(sessions,
                new CallerAuthentication(sessions, accounts, login, audit, clock),
                new SessionEndpoints(sessions, login, audit, tls, clock),
                new ApiErrors(audit),
                new WorkItemEndpoints(bean(camel, "workItemStore", WorkItemStore.class),
                        bean(camel, "workItemActions", WorkItemActions.class), audit),
                new AuditEndpoint(trail, audit),
                new ScorecardEndpoint(bean(camel, "scorecardCalculator", ScorecardCalculator.class),
                        ConfiguredWorkflows.of(props), audit),
                new ErrorEndpoints(errorStore, new ReprocessRequests(errorStore, trail,
                        () -> new Hl7AuditSubjects(patientKeys), clock), audit),
                new EligibilityEndpoints(bean(camel, "workItemStore", WorkItemStore.class),
                        bean(camel, "eligibilityRequests", EligibilityRequests.class),
                        new EligibilityRecheck(bean(camel, "eligibilityRequests", EligibilityRequests.class), trail, clock),
                        bean(camel, "fhirEligibilityFeed", FhirEligibilityFeed.class),
                        props.getBoolean("medrelay.eligibility.fhir-feed.enabled"), audit));
    }

    /** The routes, in the order Vert.x tries them: headers, body, login, credentials, endpoints, console. */
    private static void install(Router router, HttpSettings settings, boolean tls, Beans b) {
        router.route().handler(new SecurityHeaders(tls));
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()));
        router.post("/api/session").blockingHandler(b.sessionEndpoints().login(), false);
        router.route("/api/*").blockingHandler(b.authentication(), false);
        ApiErrors e = b.errors();
        router.get("/api/session").blockingHandler(e.audited(AuditAction.READ, b.sessionEndpoints()::whoAmI), false);
        router.delete("/api/session").blockingHandler(b.sessionEndpoints().logout(), false);
        router.get("/api/work-items").blockingHandler(e.audited(AuditAction.READ, b.workItems()::list), false);
        router.get("/api/work-items/:id").blockingHandler(e.audited(AuditAction.READ, b.workItems()::get), false);
        router.post("/api/work-items/:id/approve")
                .blockingHandler(e.audited(AuditAction.APPROVE, b.workItems()::approve), false);
        router.post("/api/work-items/:id/reject")
                .blockingHandler(e.audited(AuditAction.REJECT, b.workItems()::reject), false);
        router.post("/api/work-items/:id/reassign")
                .blockingHandler(e.audited(AuditAction.REASSIGN, b.workItems()::reassign), false);
        router.post("/api/work-items/:id/recheck-eligibility")
                .blockingHandler(e.audited(AuditAction.REPROCESS, b.eligibility()::recheck), false);
        router.post("/api/eligibility/fhir-notification")
                .blockingHandler(e.audited(AuditAction.RECEIVE, b.eligibility()::fhirNotification), false);
        router.get("/api/audit").blockingHandler(e.audited(AuditAction.READ, b.audit()::list), false);
        router.get("/api/scorecard").blockingHandler(e.audited(AuditAction.READ, b.scorecard()::list), false);
        router.get("/api/errors").blockingHandler(e.audited(AuditAction.READ, b.errorStore()::list), false);
        router.post("/api/errors/:id/reprocess")
                .blockingHandler(e.audited(AuditAction.REPROCESS, b.errorStore()::reprocess), false);
        router.route("/api/*").blockingHandler(e.audited(AuditAction.READ, exchange -> {
            throw ApiProblem.notFound("No API endpoint " + exchange.path() + " for this method");
        }), false);
        ConsoleAssets console = new ConsoleAssets();
        router.get("/console/*").handler(console);
        router.get("/console").handler(c -> c.redirect("/console/"));
        router.get("/").handler(c -> c.redirect("/console/"));
    }

    private static <T> T bean(CamelContext camel, String name, Class<T> type) {
        T bean = camel.getRegistry().lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("the API needs the " + name + " bean, which the engine did not bind");
        }
        return bean;
    }

    @Override
    public void close() {
        try {
            camel.removeService(server);
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the API listener failed: {}", e.toString());
        }
    }
}
