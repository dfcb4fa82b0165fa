package org.medrelay.routes.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medrelay.processors.review.Scorecard;
import org.medrelay.processors.review.ScorecardCalculator;

import java.time.Duration;
import java.util.List;

/**
 * {@code GET /api/scorecard[?workflow=]}: each workflow's figures from {@link ScorecardCalculator} (volume,
 * agreement and edit rates, time to action). Counts only, no patient: every role may read it.
 */
final class ScorecardEndpoint {

    private final ScorecardCalculator calculator;
    private final List<String> workflows;
    private final ApiAudit audit;

    /** @param workflows the configured workflows, in the order shown */
    ScorecardEndpoint(ScorecardCalculator calculator, List<String> workflows, ApiAudit audit) {
        this.calculator = calculator;
        this.workflows = workflows;
        this.audit = audit;
    }

    void list(ApiExchange exchange) throws Exception {
        String one = exchange.query("workflow");
        if (one != null && !workflows.contains(one)) {
            throw ApiProblem.notFound("No workflow named " + one + " is configured");
        }
        audit.read(exchange.caller(), one == null ? "scorecard" : "scorecard/" + one, null);
        ArrayNode json = ApiExchange.JSON.createArrayNode();
        for (String workflow : one == null ? workflows : List.of(one)) {
            json.add(toJson(calculator.scorecard(workflow)));
        }
        exchange.ok(json);
    }

    private static ObjectNode toJson(Scorecard s) {
        return ApiExchange.JSON.createObjectNode()
                .put("workflow", s.workflow())
                .put("mode", s.mode().propertyValue())
                .put("volume", s.volume())
                .put("awaiting", s.awaiting())
                .put("autoReleased", s.autoReleased())
                .put("decidedByPerson", s.decidedByPerson())
                .put("approvedAsIs", s.approvedAsIs())
                .put("edited", s.edited())
                .put("rejected", s.rejected())
                .put("agreementRate", s.agreementRate())
                .put("editRate", s.editRate())
                .put("medianSecondsToAction", seconds(s.medianTimeToAction()))
                .put("meanSecondsToAction", seconds(s.meanTimeToAction()));
    }

    private static Double seconds(Duration d) {
        return d == null ? null : d.toMillis() / 1000.0;
    }
}
