package org.medrelay.processors.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.medrelay.processors.crypto.PayloadBinding;
import org.medrelay.processors.crypto.PayloadCipher;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * A work_item row to a {@link WorkItem} and back. Reasons and links are kept as JSON arrays in one column each:
 * they are read and written with the item, never queried on their own. Drafts and edits are stored sealed when
 * encryption is on ({@link PayloadCipher}), bound to the item's id, and read back in clear.
 */
final class WorkItemRows {

    static final String COLUMNS = "id, type_code, workflow, mode, patient_reference, patient_key, queue,"
            + " original_queue, assignee, due_at, priority, status, draft_payload, draft_content_type, classification,"
            + " confidence, reasons_json, source_message_key, links_json, decision, decided_by, decided_at,"
            + " reject_reason, edited_payload, edited_content_type, released_at, release_attempts, last_release_error,"
            + " next_release_at, escalated_at, created_at, updated_at, updated_by, version";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {
    };
    private static final TypeReference<List<WorkItemLink>> LINKS = new TypeReference<>() {
    };

    private WorkItemRows() {
    }

    static WorkItem read(ResultSet rs, PayloadCipher cipher) throws SQLException {
        long id = rs.getLong("id");
        Draft draft = draft(cipher.open(rs.getBytes("draft_payload"), PayloadBinding.workItemDraft(id)),
                rs.getString("draft_content_type"));
        SuiteResult result = new SuiteResult(draft, rs.getString("classification"), rs.getDouble("confidence"),
                fromJson(rs.getString("reasons_json"), REASONS));
        String decision = rs.getString("decision");
        Decision decided = decision == null ? null : new Decision(DecisionKind.valueOf(decision),
                rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("reject_reason"),
                draft(cipher.open(rs.getBytes("edited_payload"), PayloadBinding.workItemEdit(id)),
                        rs.getString("edited_content_type")));
        String originalQueue = rs.getString("original_queue");
        return new WorkItem(
                id,
                WorkItemType.of(rs.getString("type_code")),
                rs.getString("workflow"),
                OperatingMode.valueOf(rs.getString("mode")),
                new PatientRef(rs.getString("patient_reference"), rs.getString("patient_key")),
                WorkQueue.valueOf(rs.getString("queue")),
                originalQueue == null ? null : WorkQueue.valueOf(originalQueue),
                rs.getString("assignee"),
                instant(rs.getTimestamp("due_at")),
                WorkItemPriority.valueOf(rs.getString("priority")),
                WorkItemStatus.valueOf(rs.getString("status")),
                result,
                rs.getString("source_message_key"),
                fromJson(rs.getString("links_json"), LINKS),
                decided,
                new ReleaseState(rs.getInt("release_attempts"), rs.getString("last_release_error"),
                        instant(rs.getTimestamp("next_release_at")), instant(rs.getTimestamp("released_at"))),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getString("updated_by"),
                instant(rs.getTimestamp("escalated_at")),
                rs.getLong("version"));
    }

    static String reasonsJson(List<String> reasons) {
        return toJson(reasons);
    }

    static String linksJson(List<WorkItemLink> links) {
        return toJson(links);
    }

    private static Draft draft(byte[] payload, String contentType) {
        return payload == null ? null : new Draft(payload, contentType);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode work item lists as JSON", e);
        }
    }

    private static <T> T fromJson(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            // Never quote the column: reasons and links can name the patient.
            throw new IllegalStateException("a work item's reasons or links column is not the JSON MedRelay wrote");
        }
    }
}
