package org.medrelay.routes.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/**
 * One API request as an endpoint sees it: the caller its credentials proved, path and query parameters, the JSON
 * body, and the JSON answer.
 */
final class ApiExchange {

    static final String CALLER = "medrelay.caller";
    static final ObjectMapper JSON = new ObjectMapper();

    private final RoutingContext context;

    ApiExchange(RoutingContext context) {
        this.context = context;
    }

    Caller caller() {
        return context.get(CALLER);
    }

    long pathId(String name) {
        try {
            return Long.parseLong(context.pathParam(name));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name + " must be a number");
        }
    }

    /** A query parameter, or null when absent or empty. */
    String query(String name) {
        String value = context.queryParams().get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    int limit(int fallback, int most) {
        String value = query("limit");
        try {
            int limit = value == null ? fallback : Integer.parseInt(value);
            if (limit < 1 || limit > most) {
                throw ApiProblem.badRequest("limit must be from 1 to " + most);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("limit must be a number");
        }
    }

    /**
     * POSTs must say {@code Content-Type: application/json}. A page on another site can make a browser send a form,
     * but not a JSON request without a CORS preflight, which this listener never grants: with the SameSite=Strict
     * cookie, this keeps cross-site requests from acting in a logged-in person's name.
     */
    void requireJsonIfPost() {
        if (context.request().method() != HttpMethod.POST) {
            return;
        }
        String type = context.request().getHeader("Content-Type");
        // application/fhir+json too (a FHIR Subscription's notification): neither is a type a browser form can send
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("application/json") && !lower.startsWith("application/fhir+json")) {
            throw new ApiProblem(415, "unsupported-media-type", "Send the request body as application/json");
        }
    }

    /** The request's JSON body; an empty body reads as JSON null. */
    JsonNode body() {
        String text = context.body() == null ? null : context.body().asString();
        if (text == null || text.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the body, which may hold PHI: say only where it broke.
            throw ApiProblem.badRequest("the body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    void ok(Object json) throws JsonProcessingException {
        send(200, JSON.writeValueAsString(json));
    }

    void send(int status, String json) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(json);
    }

    void noContent() {
        context.response().setStatusCode(204).end();
    }

    String path() {
        return context.normalizedPath();
    }
}
