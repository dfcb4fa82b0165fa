package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.review.LiveGateNotMetException;
import org.medrelay.processors.review.ModeSwitch;
import org.medrelay.processors.review.OperatingMode;
import org.medrelay.processors.review.OverdueNotification;
import org.medrelay.processors.review.OverdueNotices;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemActions;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.review.WorkItemStatus;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's work item routes on the real defaults, with fast polls and test endpoints: escalation and its
 * notification, release to each workflow's endpoint and its retry, and the Task mirror into the sandbox EHR.
 */
class WorkItemRoutesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    private static MedRelayEngine engine;
    private static WorkItemIntake intake;
    private static WorkItemActions actions;
    private static WorkItemStore store;
    private static ConsumerTemplate consumer;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = new MedRelayEngine(TestEngines.embedded(dataDir, TestEngines.freePort(), TestEngines.freePort(), Map.of(
                "medrelay.work-items.escalation-poll-ms", "200",
                "medrelay.work-items.release-retry-ms", "200",
                "medrelay.work-items.release-retry-first-delay-ms", "100",
                "medrelay.work-items.task-sync-poll-ms", "300",
                // No route listens here until a test adds one: sending fails at once instead of waiting for one.
                "medrelay.work-items.notify-uri", "direct:overdue-notify?block=false",
                "medrelay.workflow.eligibility.release-uri", "seda:eligibility-out",
                "medrelay.workflow.prior-auth.release-uri", "direct:prior-auth-outbox?block=false"))).start();
        intake = bean("workItemIntake", WorkItemIntake.class);
        actions = bean("workItemActions", WorkItemActions.class);
        store = bean("workItemStore", WorkItemStore.class);
        consumer = engine.camelContext().createConsumerTemplate();
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void anOverdueItemIsEscalatedAndItsNotificationSentEvenAfterTheEndpointFailed() throws Exception {
        WorkItem item = intake.accept(WorkItemFixtures.result("denials", WorkItemType.DENIAL_WORKUP, WorkQueue.BILLING,
                Instant.now().minusSeconds(60), 0.9));

        await(() -> store.get(item.id()).status() == WorkItemStatus.ESCALATED);
        WorkItem escalated = store.get(item.id());
        assertEquals(WorkQueue.SUPERVISOR, escalated.queue());
        assertEquals(WorkQueue.BILLING, escalated.originalQueue());

        // The notify endpoint has no consumer: sending fails poll after poll, and the notification stays pending.
        Thread.sleep(1000);
        OverdueNotices notices = new OverdueNotices(bean("medrelayStore", DataSource.class));
        assertTrue(notices.pending(Instant.now(), 100).stream().anyMatch(n -> n.workItemId() == item.id()),
                "not sent, so still pending");

        engine.camelContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:overdue-notify").routeId("test-supervisor-pager").to("seda:overdue-seen");
            }
        });
        Exchange notified = consumer.receive("seda:overdue-seen", TIMEOUT.toMillis());
        assertNotNull(notified, "the notification went out once the endpoint was there");
        OverdueNotification notification = notified.getMessage().getBody(OverdueNotification.class);
        assertEquals(item.id(), notification.workItemId());
        assertEquals(OverdueNotification.Kind.ESCALATED, notification.kind());
        assertEquals(item.id(), notified.getMessage().getHeader("MedRelayWorkItemId", Long.class));
        assertEquals("SUPERVISOR", notified.getMessage().getHeader("MedRelayWorkQueue", String.class));
        await(() -> notices.pending(Instant.now(), 100).stream().noneMatch(n -> n.workItemId() == item.id()));
        assertEquals(null, consumer.receive("seda:overdue-seen", 1000), "sent once, not again");
    }

    @Test
    void approvalReleasesTheDraftToTheWorkflowsEndpoint() throws Exception {
        WorkItem item = intake.accept(WorkItemFixtures.result("eligibility", WorkItemType.ELIGIBILITY_GAP,
                WorkQueue.FRONT_DESK, Instant.now().plus(Duration.ofDays(1)), 0.8));
        assertEquals(WorkItemStatus.OPEN, item.status(), "review mode by default");

        WorkItem released = actions.approve(item.id(), item.version(), "frontdesk.kim");
        assertEquals(WorkItemStatus.RELEASED, released.status());

        Exchange out = consumer.receive("seda:eligibility-out", TIMEOUT.toMillis());
        assertNotNull(out);
        assertEquals(item.suiteResult().draft().text(), new String(out.getMessage().getBody(byte[].class),
                StandardCharsets.UTF_8));
        assertEquals("text/plain", out.getMessage().getHeader(Exchange.CONTENT_TYPE));
        assertEquals(item.id(), out.getMessage().getHeader("MedRelayWorkItemId", Long.class));
        assertEquals("eligibility", out.getMessage().getHeader("MedRelayWorkflow"));
        assertEquals("APPROVED_AS_IS", out.getMessage().getHeader("MedRelayDecision"));
    }

    @Test
    void aReleaseItsEndpointRefusedIsRetriedByTheRoute() throws Exception {
        WorkItem item = intake.accept(WorkItemFixtures.result("prior-auth", WorkItemType.PRIOR_AUTH_DRAFT,
                WorkQueue.CLINICIAN, Instant.now().plus(Duration.ofDays(1)), 0.8));

        WorkItem approved = actions.approve(item.id(), item.version(), "dr.osei");
        assertEquals(WorkItemStatus.APPROVED, approved.status(), "no outbox yet: approved, not released");
        assertEquals("release to direct:prior-auth-outbox?block=false failed: DirectConsumerNotAvailableException",
                approved.release().lastFailure());

        engine.camelContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:prior-auth-outbox").routeId("test-prior-auth-outbox").to("seda:prior-auth-seen");
            }
        });
        await(() -> store.get(item.id()).status() == WorkItemStatus.RELEASED);
        assertNotNull(consumer.receive("seda:prior-auth-seen", TIMEOUT.toMillis()));
        assertTrue(store.get(item.id()).release().attempts() >= 2);
    }

    @Test
    void aWorkflowWithoutAnEndpointReleasesToTheLogRoute() throws Exception {
        WorkItem item = intake.accept(WorkItemFixtures.result("refills", WorkItemType.REFILL_REQUEST,
                WorkQueue.CLINICIAN, Instant.now().plus(Duration.ofDays(1)), 0.8));
        assertEquals(WorkItemStatus.RELEASED, actions.approve(item.id(), item.version(), "dr.osei").status());
    }

    @Test
    void workItemsAreMirroredToTheSandboxEhrAsTasks() throws Exception {
        WorkItem item = intake.accept(WorkItemFixtures.result("fax", WorkItemType.FAX_TRIAGE, WorkQueue.RECORDS,
                Instant.now().plus(Duration.ofDays(1)), 0.8));
        IGenericClient ehr = FhirContext.forR4Cached().newRestfulGenericClient(engine.fhirBaseUrl());
        String search = "Task?identifier=urn:medrelay:work-item|" + item.id();

        await(() -> ehr.search().byUrl(search).returnBundle(Bundle.class).execute().getEntry().size() == 1);
        Task task = (Task) ehr.search().byUrl(search).returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
        task.setStatus(Task.TaskStatus.COMPLETED);
        ehr.update().resource(task).execute();

        await(() -> store.get(item.id()).status() == WorkItemStatus.RELEASED);
        assertEquals("system:task-sync", store.get(item.id()).decision().decidedBy());
    }

    @Test
    void theLiveGateGuardsTheEnginesModeSwitch() throws Exception {
        ModeSwitch modeSwitch = bean("modeSwitch", ModeSwitch.class);
        LiveGateNotMetException refused = assertThrows(LiveGateNotMetException.class,
                () -> modeSwitch.switchTo("referrals", OperatingMode.LIVE, "admin.ana"));
        assertEquals(50, refused.check().window(), "the documented default window");
        assertEquals(0.95, refused.check().minAgreement());
        assertFalse(refused.check().passed());
    }

    private static <T> T bean(String name, Class<T> type) {
        return engine.camelContext().getRegistry().lookupByNameAndType(name, type);
    }

    private static void await(Condition condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met within " + TIMEOUT);
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }
}
