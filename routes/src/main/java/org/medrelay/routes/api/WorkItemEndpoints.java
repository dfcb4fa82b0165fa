package org.medrelay.routes.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemActions;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStatus;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /api/work-items}: the queues a caller's role opens ({@link Permissions}), one item with its context, and
 * the actions on it through {@link WorkItemActions}. Every item shown is audited as read; every action is audited
 * by the work item store in its own transaction, under the caller's account name.
 */
final class WorkItemEndpoints {

    private static final int MAX_LIMIT = WorkItemQuery.DEFAULT_LIMIT;

    private final WorkItemStore store;
    private final WorkItemActions actions;
    private final ApiAudit audit;

    WorkItemEndpoints(WorkItemStore store, WorkItemActions actions, ApiAudit audit) {
        this.store = store;
        this.actions = actions;
        this.audit = audit;
    }

    /** {@code GET /api/work-items?queue=&status=&patient=&workflow=&limit=}; without a queue, all the caller's. */
    void list(ApiExchange exchange) throws Exception {
        Caller caller = exchange.caller();
        WorkQueue queue = queueParameter(exchange.query("queue"));
        Set<WorkQueue> queues = queue == null ? Permissions.queuesOf(caller) : Set.of(queue);
        if (queue != null) {
            Permissions.requireQueue(caller, queue);
        }
        int limit = exchange.limit(MAX_LIMIT, MAX_LIMIT);
        WorkItemQuery query = WorkItemQuery.all().withStatuses(statuses(exchange.query("status")))
                .forPatientKey(patientKey(exchange.query("patient"))).inWorkflow(exchange.query("workflow"))
                .limit(limit);
        List<WorkItem> items = new ArrayList<>();
        for (WorkQueue each : queues) {
            items.addAll(store.list(query.inQueue(each)));
        }
        items.sort(Comparator.comparing(WorkItem::dueAt).thenComparing(WorkItem::id));
        List<WorkItem> shown = items.subList(0, Math.min(limit, items.size()));
        audit.itemsRead(caller, shown);
        ArrayNode json = ApiExchange.JSON.createArrayNode();
        shown.forEach(item -> json.add(WorkItemJson.summary(item)));
        exchange.ok(json);
    }

    /** {@code GET /api/work-items/{id}}: the item with its draft, confidence, reasons, links and decision. */
    void get(ApiExchange exchange) throws Exception {
        WorkItem item = readable(exchange);
        audit.itemsRead(exchange.caller(), List.of(item));
        exchange.ok(WorkItemJson.detail(item));
    }

    /**
     * {@code POST /api/work-items/{id}/approve} with {@code {"version": n}}, or with
     * {@code "draft": {"text": ..., "contentType": ...}} too: edit, then approve the edit.
     */
    void approve(ApiExchange exchange) throws Exception {
        WorkItem item = readable(exchange);
        JsonNode body = exchange.body();
        long version = version(body);
        JsonNode draft = body.path("draft");
        WorkItem after;
        if (draft.isMissingNode() || draft.isNull()) {
            after = actions.approve(item.id(), version, exchange.caller().username());
        } else {
            String contentType = draft.path("contentType").asText(item.draftToRelease().contentType());
            if (!draft.path("text").isTextual()) {
                throw ApiProblem.badRequest("an edited draft needs its text: {\"draft\": {\"text\": ...}}");
            }
            after = actions.approveEdited(item.id(), version, exchange.caller().username(),
                    Draft.text(draft.path("text").asText(), contentType));
        }
        exchange.ok(WorkItemJson.detail(after));
    }

    /** {@code POST /api/work-items/{id}/reject} with {@code {"version": n, "reason": "..."}}; the reason is required. */
    void reject(ApiExchange exchange) throws Exception {
        WorkItem item = readable(exchange);
        JsonNode body = exchange.body();
        String reason = body.path("reason").isTextual() ? body.path("reason").asText() : null;
        exchange.ok(WorkItemJson.detail(actions.reject(item.id(), version(body), exchange.caller().username(), reason)));
    }

    /** {@code POST /api/work-items/{id}/reassign} with {@code {"version": n, "queue": "billing", "assignee": null}}. */
    void reassign(ApiExchange exchange) throws Exception {
        WorkItem item = readable(exchange);
        JsonNode body = exchange.body();
        WorkQueue queue = queueParameter(body.path("queue").isTextual() ? body.path("queue").asText() : null);
        String assignee = body.path("assignee").isTextual() ? body.path("assignee").asText() : null;
        if (queue == null && assignee == null) {
            throw ApiProblem.badRequest("reassign needs a queue, an assignee, or both");
        }
        exchange.ok(WorkItemJson.detail(actions.reassign(item.id(), version(body), exchange.caller().username(),
                queue, assignee)));
    }

    /** The item, if it exists and the caller's role opens its queue. */
    private WorkItem readable(ApiExchange exchange) throws Exception {
        long id = exchange.pathId("id");
        WorkItem item = store.find(id).orElseThrow(() -> ApiProblem.notFound("There is no work item " + id));
        Permissions.requireItem(exchange.caller(), item);
        return item;
    }

    private static long version(JsonNode body) {
        if (!body.path("version").canConvertToLong()) {
            throw ApiProblem.badRequest("name the version of the item you read: {\"version\": n}");
        }
        return body.path("version").asLong();
    }

    /** {@code front-desk} or {@code FRONT_DESK}. */
    static WorkQueue queueParameter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return WorkQueue.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("unknown queue; one of " + EnumSet.allOf(WorkQueue.class).stream()
                    .map(WorkQueue::code).toList());
        }
    }

    /** {@code OPEN,ESCALATED} (comma-separated, any case); null for all. */
    private static Set<WorkItemStatus> statuses(String value) {
        Set<WorkItemStatus> statuses = EnumSet.noneOf(WorkItemStatus.class);
        if (value == null) {
            return statuses;
        }
        for (String each : value.split(",")) {
            try {
                statuses.add(WorkItemStatus.valueOf(each.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("unknown status; one of " + EnumSet.allOf(WorkItemStatus.class));
            }
        }
        return statuses;
    }

    /** The pseudonymous key only, as the audit trail names patients: an MRN or a name is refused. */
    private static String patientKey(String value) {
        if (value != null && !AuditEvent.isPseudonymousKey(value)) {
            throw ApiProblem.badRequest("patient takes a pseudonymous patient key (16 to 64 hex digits), never an MRN"
                    + " or a name");
        }
        return value;
    }
}
