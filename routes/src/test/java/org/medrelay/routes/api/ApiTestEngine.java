package org.medrelay.routes.api;

import org.medrelay.processors.access.PasswordHashing;
import org.medrelay.processors.access.Role;
import org.medrelay.processors.access.UserAccounts;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.SuiteResult;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.routes.engine.MedRelayEngine;
import org.medrelay.routes.engine.TestEngines;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real engine on free loopback ports with its API listener, accounts made as `medrelay users add` makes them,
 * and synthetic work items (invented patients only) put in through the workflows' intake.
 */
final class ApiTestEngine implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";
    /** Cheap hashes for tests; the engine's default is 600000. */
    static final int TEST_ITERATIONS = 1000;
    static final PatientRef PATIENT = new PatientRef("Patient/syn-api-0007", "7f3c9a21b4d05e68");

    final MedRelayEngine engine;
    private final DataSource store;

    private ApiTestEngine(MedRelayEngine engine) {
        this.engine = engine;
        this.store = bean("medrelayStore", DataSource.class);
    }

    static ApiTestEngine start(Path dataDir, Map<String, String> overrides) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of(
                "medrelay.http.host", "127.0.0.1",
                "medrelay.http.port", String.valueOf(TestEngines.freePort()),
                "medrelay.access.password-iterations", String.valueOf(TEST_ITERATIONS),
                "medrelay.work-items.task-mirror.enabled", "false",
                "medrelay.workflow.eligibility.release-uri", "seda:eligibility-out",
                "medrelay.workflow.denials.mode", "review"));
        all.putAll(overrides);
        return new ApiTestEngine(new MedRelayEngine(TestEngines.embedded(dataDir, TestEngines.freePort(),
                TestEngines.freePort(), all)).start());
    }

    int port() {
        return engine.httpPort();
    }

    ApiClient client() {
        return new ApiClient(port());
    }

    ApiClient loggedIn(String username) throws Exception {
        ApiClient client = client();
        ApiClient.Reply reply = client.login(username, PASSWORD);
        if (reply.status() != 200) {
            throw new AssertionError("login of " + username + " answered " + reply.status() + " " + reply.body());
        }
        return client;
    }

    void addUser(String username, Role role) throws Exception {
        accounts().add(username, role, new PasswordHashing(TEST_ITERATIONS).hash(PASSWORD.toCharArray()),
                "os:test", Instant.now());
    }

    UserAccounts accounts() {
        return new UserAccounts(store, new AuditTrail(store));
    }

    WorkItem draft(String workflow, WorkItemType type, WorkQueue queue) throws Exception {
        NewWorkItem item = new NewWorkItem(type, workflow, PATIENT, queue, null,
                Instant.now().plus(Duration.ofDays(1)), WorkItemPriority.ROUTINE,
                SuiteResult.draft(Draft.text("Coverage for member SYN-44120 ended 2026-10-31; please update.",
                        "text/plain"), 0.82, List.of("271 EB01=6 (inactive) for the visit date")),
                "REGADT|MRH_CLINIC|API-" + System.nanoTime(),
                List.of(WorkItemLink.fhir("Coverage/cov-syn-api", "271 eligibility response")));
        return bean("workItemIntake", WorkItemIntake.class).accept(item);
    }

    /** The trail's newest entries first. */
    List<AuditEntry> audit(int limit) throws Exception {
        return new AuditTrail(store).newestFirst(AuditQuery.ALL, limit);
    }

    DataSource store() {
        return store;
    }

    <T> T bean(String name, Class<T> type) {
        return engine.camelContext().getRegistry().lookupByNameAndType(name, type);
    }

    @Override
    public void close() {
        engine.close();
    }
}
