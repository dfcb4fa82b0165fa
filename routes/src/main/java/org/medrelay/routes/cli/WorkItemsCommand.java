package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemAuditHook;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStatus;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.PayloadEncryptionKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code medrelay work-items list}: the queues read straight from the store, for when the engine (and so the API and
 * console) is down. Whoever can run this can read the store anyway; each item shown is audited as read by the
 * operating-system user and flagged as break-glass, so the review after an outage finds every one.
 */
@Command(name = "work-items", mixinStandardHelpOptions = true,
        description = "Work items in the store of the engine whose data is in ./data (or as configured), read "
                + "directly: the break-glass path when the engine is down.")
final class WorkItemsCommand {

    static final String FLAG = "break-glass: store read directly (cli)";

    @Option(names = "--config", scope = ScopeType.INHERIT,
            description = "application.properties of the engine (default: ./application.properties if present)")
    Path config;

    @Command(name = "list", description = "Items soonest due first, tab-separated: id, due, priority, status, queue, "
            + "workflow, type, patient (EHR reference), confidence, version.")
    int list(@Option(names = "--queue", description = "e.g. front-desk, billing, clinician") String queue,
             @Option(names = "--status", description = "e.g. OPEN; default OPEN and ESCALATED") String status,
             @Option(names = "--limit", defaultValue = "200") int limit) throws Exception {
        WorkItemQuery query = WorkItemQuery.all().limit(limit);
        if (queue != null) {
            query = query.inQueue(WorkQueue.valueOf(queue.toUpperCase(Locale.ROOT).replace('-', '_')));
        }
        query = status == null ? query.withStatus(WorkItemStatus.OPEN, WorkItemStatus.ESCALATED)
                : query.withStatus(WorkItemStatus.valueOf(status.toUpperCase(Locale.ROOT)));
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        try (HikariDataSource store = EngineStore.open(props)) {
            AuditTrail trail = new AuditTrail(store);
            // With the engine's payload keys: drafts are sealed at rest.
            List<WorkItem> items = new WorkItemStore(store, WorkItemAuditHook.into(trail),
                    PayloadEncryptionKeys.forTools(props)).list(query);
            // Recorded before anything is shown: one entry per item, naming its patient by key.
            String actor = AuditActors.osUser();
            Instant now = Instant.now();
            trail.append(items.stream().map(item -> new AuditEvent(actor, AuditAction.READ, now,
                    AuditEvent.isPseudonymousKey(item.patient().pseudonymKey()) ? item.patient().pseudonymKey() : null,
                    item.sourceMessageKey(), "work-item/" + item.id(), AuditOutcome.SUCCESS, FLAG, "cli")).toList());
            System.out.println(TabSeparated.line("ID", "DUE", "PRIORITY", "STATUS", "QUEUE", "WORKFLOW", "TYPE",
                    "PATIENT", "CONFIDENCE", "VERSION"));
            for (WorkItem item : items) {
                System.out.println(TabSeparated.line(String.valueOf(item.id()), item.dueAt().toString(),
                        item.priority().name(), item.status().name(), item.queue().code(), item.workflow(),
                        item.type().code(), item.patient().reference(),
                        String.valueOf(item.suiteResult().confidence()), String.valueOf(item.version())));
            }
            System.err.println(items.size() + " work item(s)");
        }
        return CliErrors.EXIT_OK;
    }
}
