package org.medrelay.processors.priorauth.followup;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The deadlines the monitor has acted on (table prior_auth_escalation, V12): one row per case, deadline kind and
 * date, so a deadline is escalated once, whether the engine restarted since or another engine shares the store.
 */
final class DeadlineActions {

    private final DataSource store;

    DeadlineActions(DataSource store) {
        this.store = store;
    }

    boolean done(long caseId, String kind, Instant deadline) throws SQLException {
        try (Connection c = store.getConnection(); PreparedStatement s = c.prepareStatement(
                "select 1 from prior_auth_escalation where case_id = ? and deadline_kind = ? and deadline_at = ?")) {
            s.setLong(1, caseId);
            s.setString(2, kind);
            s.setTimestamp(3, Timestamp.from(deadline));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    void record(long caseId, String kind, Instant deadline, Long workItem, Instant now) throws SQLException {
        try (Connection c = store.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into prior_auth_escalation (case_id, deadline_kind, deadline_at, work_item, created_at) values (?, ?, ?, ?, ?)")) {
            s.setLong(1, caseId);
            s.setString(2, kind);
            s.setTimestamp(3, Timestamp.from(deadline));
            if (workItem == null) {
                s.setNull(4, java.sql.Types.BIGINT);
            } else {
                s.setLong(4, workItem);
            }
            s.setTimestamp(5, Timestamp.from(now));
            s.executeUpdate();
        }
    }
}
