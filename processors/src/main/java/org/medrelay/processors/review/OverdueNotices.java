package org.medrelay.processors.review;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which overdue notifications still have to go out. A notification counts as sent only when the route has
 * delivered it ({@link #markSent}), so one that failed to send is offered again on the next poll.
 */
public class OverdueNotices {

    private final DataSource dataSource;

    public OverdueNotices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Escalated items not yet notified, then approved items past due and not yet released, oldest due first. */
    public List<OverdueNotification> pending(Instant now, int limit) throws SQLException {
        List<OverdueNotification> pending = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement query = c.prepareStatement("select id, workflow, queue, original_queue from work_item"
                    + " where status = ? and escalation_notified_at is null order by due_at, id")) {
                query.setString(1, WorkItemStatus.ESCALATED.name());
                query.setMaxRows(limit);
                read(query, OverdueNotification.Kind.ESCALATED, pending);
            }
            try (PreparedStatement query = c.prepareStatement("select id, workflow, queue, queue from work_item"
                    + " where status = ? and due_at < ? and release_overdue_notified_at is null order by due_at, id")) {
                query.setString(1, WorkItemStatus.APPROVED.name());
                query.setTimestamp(2, SqlChanges.timestamp(now));
                query.setMaxRows(limit);
                read(query, OverdueNotification.Kind.RELEASE_OVERDUE, pending);
            }
        }
        return pending;
    }

    public void markSent(OverdueNotification notification, Instant now) throws SQLException {
        String column = notification.kind() == OverdueNotification.Kind.ESCALATED
                ? "escalation_notified_at" : "release_overdue_notified_at";
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("update work_item set " + column + " = ? where id = ?")) {
            update.setTimestamp(1, SqlChanges.timestamp(now));
            update.setLong(2, notification.workItemId());
            update.executeUpdate();
        }
    }

    private static void read(PreparedStatement query, OverdueNotification.Kind kind, List<OverdueNotification> into)
            throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                into.add(new OverdueNotification(rs.getLong(1), kind, rs.getString(2), WorkQueue.valueOf(rs.getString(3)),
                        WorkQueue.valueOf(rs.getString(4))));
            }
        }
    }
}
