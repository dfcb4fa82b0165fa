package org.medrelay.routes.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medrelay.processors.review.Decision;
import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemLink;

import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/** Work items as the API shows them: a summary for queue listings, everything (draft, reasons, links) for one item. */
final class WorkItemJson {

    private WorkItemJson() {
    }

    static ObjectNode summary(WorkItem item) {
        ObjectNode json = ApiExchange.JSON.createObjectNode()
                .put("id", item.id())
                .put("version", item.version())
                .put("type", item.type().code())
                .put("workflow", item.workflow())
                .put("mode", item.mode().propertyValue())
                .put("status", item.status().name())
                .put("queue", item.queue().code())
                .put("originalQueue", item.originalQueue() == null ? null : item.originalQueue().code())
                .put("assignee", item.assignee())
                .put("priority", item.priority().name())
                .put("dueAt", text(item.dueAt()))
                .put("confidence", item.suiteResult().confidence())
                .put("classification", item.suiteResult().classification())
                .put("createdAt", text(item.createdAt()))
                .put("updatedAt", text(item.updatedAt()));
        json.putObject("patient").put("reference", item.patient().reference()).put("key", item.patient().pseudonymKey());
        return json;
    }

    static ObjectNode detail(WorkItem item) {
        ObjectNode json = summary(item);
        json.set("draft", draft(item.suiteResult().draft()));
        ArrayNode reasons = json.putArray("reasons");
        item.suiteResult().reasons().forEach(reasons::add);
        json.put("sourceMessageKey", item.sourceMessageKey());
        ArrayNode links = json.putArray("links");
        for (WorkItemLink link : item.links()) {
            links.addObject().put("kind", link.kind().name()).put("reference", link.reference())
                    .put("description", link.description());
        }
        json.set("decision", decision(item.decision()));
        json.putObject("release")
                .put("attempts", item.release().attempts())
                .put("lastFailure", item.release().lastFailure())
                .put("nextAttemptAt", text(item.release().nextAttemptAt()))
                .put("releasedAt", text(item.release().releasedAt()));
        json.put("updatedBy", item.updatedBy());
        return json;
    }

    private static ObjectNode decision(Decision decision) {
        if (decision == null) {
            return null;
        }
        ObjectNode json = ApiExchange.JSON.createObjectNode()
                .put("kind", decision.kind().name())
                .put("decidedBy", decision.decidedBy())
                .put("decidedAt", text(decision.decidedAt()))
                .put("reason", decision.reason());
        json.set("editedDraft", draft(decision.editedDraft()));
        return json;
    }

    /** Text drafts as text; anything else (a PDF, an image) as base64. */
    static ObjectNode draft(Draft draft) {
        if (draft == null) {
            return null;
        }
        ObjectNode json = ApiExchange.JSON.createObjectNode().put("contentType", draft.contentType());
        if (isText(draft.contentType())) {
            json.put("text", draft.text());
        } else {
            json.put("base64", Base64.getEncoder().encodeToString(draft.payload()));
        }
        return json;
    }

    static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("x12")
                || type.contains("hl7");
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
