package org.medrelay.routes.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/audit?since=&patient=&limit=}: the audit trail newest first, with the filters of
 * {@code medrelay audit list}. Admin only; the reading is itself recorded before anything is sent.
 */
final class AuditEndpoint {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 5000;

    private final AuditTrail trail;
    private final ApiAudit audit;

    AuditEndpoint(AuditTrail trail, ApiAudit audit) {
        this.trail = trail;
        this.audit = audit;
    }

    void list(ApiExchange exchange) throws Exception {
        Caller caller = exchange.caller();
        Permissions.requireAdmin(caller, "The audit trail");
        String patient = exchange.query("patient");
        if (patient != null && !AuditEvent.isPseudonymousKey(patient)) {
            throw ApiProblem.badRequest("patient takes a pseudonymous patient key (hex), never an MRN or a name");
        }
        AuditQuery query = new AuditQuery(since(exchange.query("since")), patient);
        int limit = exchange.limit(DEFAULT_LIMIT, MAX_LIMIT);
        audit.read(caller, "audit-event", patient);
        List<AuditEntry> entries = trail.newestFirst(query, limit);
        ArrayNode json = ApiExchange.JSON.createArrayNode();
        for (AuditEntry entry : entries) {
            AuditEvent e = entry.event();
            json.addObject()
                    .put("id", entry.id())
                    .put("recordedAt", e.recordedAt().toString())
                    .put("actor", e.actor())
                    .put("action", e.action().name())
                    .put("outcome", e.outcome().name())
                    .put("patientKey", e.patientKey())
                    .put("sourceMessage", e.sourceMessage())
                    .put("target", e.target())
                    .put("interface", e.interfaceName())
                    .put("reason", e.reason());
        }
        exchange.ok(json);
    }

    /** As the CLI's {@code --since}: an ISO instant with offset, or a date taken as UTC midnight. */
    private static Instant since(String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("since must be an ISO-8601 date or instant, e.g. 2026-11-01 or"
                    + " 2026-11-01T08:00:00Z");
        }
    }
}
