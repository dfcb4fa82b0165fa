package org.medrelay.processors.review;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a workflow's scorecard and live gate are computed from: its decisions and its item counts. */
public class DecisionHistory {

    private final DataSource dataSource;

    public DecisionHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Items a person decided (every mode, shadow included), newest decision first. */
    public List<DecidedItem> personDecisions(String workflow, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select id, decision, created_at, decided_at from work_item"
                     + " where workflow = ? and decision is not null and decision <> ?"
                     + " order by decided_at desc, id desc")) {
            query.setString(1, workflow);
            query.setString(2, DecisionKind.AUTO_RELEASED.name());
            query.setMaxRows(limit);
            try (ResultSet rs = query.executeQuery()) {
                List<DecidedItem> decided = new ArrayList<>();
                while (rs.next()) {
                    decided.add(new DecidedItem(rs.getLong(1), DecisionKind.valueOf(rs.getString(2)),
                            WorkItemRows.instant(rs.getTimestamp(3)), WorkItemRows.instant(rs.getTimestamp(4))));
                }
                return decided;
            }
        }
    }

    /** How many of the workflow's items are in each status. */
    public Map<WorkItemStatus, Long> countByStatus(String workflow) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "select status, count(*) from work_item where workflow = ? group by status")) {
            query.setString(1, workflow);
            try (ResultSet rs = query.executeQuery()) {
                Map<WorkItemStatus, Long> counts = new EnumMap<>(WorkItemStatus.class);
                for (WorkItemStatus status : WorkItemStatus.values()) {
                    counts.put(status, 0L);
                }
                while (rs.next()) {
                    counts.put(WorkItemStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
                return counts;
            }
        }
    }

    public long countAutoReleased(String workflow) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "select count(*) from work_item where workflow = ? and decision = ?")) {
            query.setString(1, workflow);
            query.setString(2, DecisionKind.AUTO_RELEASED.name());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
