package org.medrelay.routes.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.medrelay.processors.hl7.ReprocessRequests;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.processors.store.StoredError;

/**
 * {@code GET /api/errors} and {@code POST /api/errors/{id}/reprocess}: the error and dead-letter store, as
 * {@code medrelay errors list|reprocess} shows it (no raw bytes). Admin only. The listing is audited as a read
 * of {@code error}; a reprocess request by {@link ReprocessRequests}, under the message's patient.
 */
final class ErrorEndpoints {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;

    private final ErrorStore errors;
    private final ReprocessRequests reprocess;
    private final ApiAudit audit;

    ErrorEndpoints(ErrorStore errors, ReprocessRequests reprocess, ApiAudit audit) {
        this.errors = errors;
        this.reprocess = reprocess;
        this.audit = audit;
    }

    void list(ApiExchange exchange) throws Exception {
        Permissions.requireAdmin(exchange.caller(), "The error store");
        int limit = exchange.limit(DEFAULT_LIMIT, MAX_LIMIT);
        audit.read(exchange.caller(), "error", null);
        ArrayNode json = ApiExchange.JSON.createArrayNode();
        for (StoredError e : errors.list(limit)) {
            json.addObject()
                    .put("id", e.id())
                    .put("kind", e.kind().label())
                    .put("status", e.status().name())
                    .put("createdAt", e.createdAt().toString())
                    .put("interface", e.interfaceName())
                    .put("messageType", e.messageType())
                    .put("controlId", e.controlId())
                    .put("errorCode", e.errorCode())
                    .put("errorLocation", e.errorLocation())
                    .put("reason", e.reason())
                    .put("reprocessCount", e.reprocessCount());
        }
        exchange.ok(json);
    }

    void reprocess(ApiExchange exchange) throws Exception {
        Permissions.requireAdmin(exchange.caller(), "Reprocessing");
        long id = exchange.pathId("id");
        if (!reprocess.request(id, exchange.caller().username())) {
            // Already recorded as a failed request by ReprocessRequests: answered without a second entry.
            ApiErrors.send(exchange, 404, "not-found", "There is no stored error " + id);
            return;
        }
        exchange.send(202, ApiExchange.JSON.createObjectNode().put("id", id).put("status", "REPROCESS_REQUESTED")
                .toString());
    }
}
