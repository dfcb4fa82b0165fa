package org.medrelay.routes.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.review.WorkItemActionRefusedException;
import org.medrelay.processors.review.WorkItemConflictException;
import org.medrelay.processors.review.WorkItemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an endpoint and turns what went wrong into its HTTP answer with a JSON body: 400, 403 and 404 from
 * {@link ApiProblem} (audited here as FAILURE), 404/409/422 from the work item store (which audited them itself),
 * 500 for anything else, logged by exception class only (a message might quote patient data).
 */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final ApiAudit audit;

    ApiErrors(ApiAudit audit) {
        this.audit = audit;
    }

    /** @param action what the request would have done, for the entry of a refusal */
    Handler<RoutingContext> audited(AuditAction action, ApiEndpoint endpoint) {
        return context -> {
            ApiExchange exchange = new ApiExchange(context);
            try {
                exchange.requireJsonIfPost();
                endpoint.handle(exchange);
            } catch (ApiProblem problem) {
                recordRefusal(exchange, action, problem.status() + " " + problem.code());
                send(exchange, problem.status(), problem.code(), problem.getMessage());
            } catch (WorkItemException e) {
                send(exchange, statusOf(e), codeOf(e), e.getMessage());
            } catch (Exception e) {
                LOG.error("API {} failed: {}", exchange.path(), e.getClass().getName());
                send(exchange, 500, "internal-error", "The request failed; the engine log names the error class");
            }
        };
    }

    static void send(ApiExchange exchange, int status, String code, String message) {
        ObjectNode body = ApiExchange.JSON.createObjectNode().put("error", code).put("message", message);
        exchange.send(status, body.toString());
    }

    private void recordRefusal(ApiExchange exchange, AuditAction action, String reason) {
        Caller caller = exchange.caller();
        try {
            audit.refused(caller == null ? ApiAudit.ANONYMOUS : caller.username(), action, target(exchange), reason);
        } catch (Exception e) {
            LOG.error("Refused API request to {} not recorded in the audit trail: {}", exchange.path(),
                    e.getClass().getName());
        }
    }

    /** The path as the target, cut to what an audit entry holds. */
    static String target(ApiExchange exchange) {
        String path = exchange.path();
        return path.length() <= 400 ? path : path.substring(0, 400);
    }

    private static int statusOf(WorkItemException e) {
        if (e instanceof WorkItemConflictException) {
            return 409;
        }
        return e instanceof WorkItemActionRefusedException ? 422 : 404;
    }

    private static String codeOf(WorkItemException e) {
        if (e instanceof WorkItemConflictException) {
            return "conflict";
        }
        return e instanceof WorkItemActionRefusedException ? "refused" : "not-found";
    }
}
