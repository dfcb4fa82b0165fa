package org.medrelay.routes.engine;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemActions;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The default overdue notification, a log line, names the work item and its queue and nothing else; and nothing
 * the work item routes log, whatever the item holds, names the patient.
 */
class OverdueNotificationLogTest {

    private static final String NOTIFY_LOGGER = "medrelay.work-items.overdue";

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void release() {
        root.detachAppender(log);
    }

    @Test
    void theDefaultNotificationLogsTheItemIdAndQueueOnly() throws Exception {
        try (MedRelayEngine engine = new MedRelayEngine(TestEngines.embedded(dataDir, TestEngines.freePort(),
                TestEngines.freePort(), Map.of(
                        "medrelay.work-items.escalation-poll-ms", "200",
                        "medrelay.work-items.task-sync-poll-ms", "200"))).start()) {
            WorkItemIntake intake = engine.camelContext().getRegistry().lookupByNameAndType("workItemIntake",
                    WorkItemIntake.class);
            WorkItemActions actions = engine.camelContext().getRegistry().lookupByNameAndType("workItemActions",
                    WorkItemActions.class);
            WorkItem overdue = intake.accept(WorkItemFixtures.result("eligibility", WorkItemType.ELIGIBILITY_GAP,
                    WorkQueue.FRONT_DESK, Instant.now().minusSeconds(5), 0.8));
            WorkItem approved = intake.accept(WorkItemFixtures.result("eligibility", WorkItemType.ELIGIBILITY_GAP,
                    WorkQueue.FRONT_DESK, Instant.now().plus(Duration.ofDays(1)), 0.8));
            actions.approve(approved.id(), approved.version(), "frontdesk.kim");
            WorkItem rejected = intake.accept(WorkItemFixtures.result("refills", WorkItemType.REFILL_REQUEST,
                    WorkQueue.CLINICIAN, Instant.now().plus(Duration.ofDays(1)), 0.8));
            actions.reject(rejected.id(), rejected.version(), "dr.osei", "Zebulon Quixote was seen 1961-07-14 (test)");

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (notifications().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(600); // a few more polls of every work item route, mirror included

            assertEquals(List.of("Work item " + overdue.id() + " is overdue: escalated from FRONT_DESK to SUPERVISOR"),
                    notifications(), "once, with the item id and queues");
        }
        for (ILoggingEvent event : List.copyOf(log.list)) {
            String line = event.getFormattedMessage() + throwableText(event.getThrowableProxy());
            for (String phi : WorkItemFixtures.PHI) {
                assertFalse(line.contains(phi), () -> event.getLoggerName() + " logged PHI: " + line);
            }
        }
    }

    private List<String> notifications() {
        return List.copyOf(log.list).stream()
                .filter(e -> e.getLoggerName().equals(NOTIFY_LOGGER))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static String throwableText(IThrowableProxy proxy) {
        return proxy == null ? "" : " " + proxy.getMessage() + throwableText(proxy.getCause());
    }
}
