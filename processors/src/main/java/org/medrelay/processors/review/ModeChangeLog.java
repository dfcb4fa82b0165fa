package org.medrelay.processors.review;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every switch of a workflow's operating mode, in the store, so a switch survives restarts and overrides the
 * configured mode. Append only: the history says who trusted a workflow when, and on what figures. Each switch
 * is in the audit trail too, committed with it ({@link WorkItemAuditHook}); so is a refused one.
 */
public class ModeChangeLog {

    private static final String COLUMNS = "workflow, from_mode, to_mode, changed_by, changed_at, gate_window,"
            + " gate_decided, gate_agreement, gate_min_agreement";

    private final DataSource dataSource;
    private final AuditedTransaction transaction;

    public ModeChangeLog(DataSource dataSource, WorkItemAuditHook audit) {
        this.dataSource = dataSource;
        this.transaction = new AuditedTransaction(dataSource, audit);
    }

    public void record(ModeChange change) throws SQLException {
        transaction.commit(c -> {
            insert(c, change);
            String gate = change.gate() == null ? "" : "; " + change.gate().describe();
            return AuditedTransaction.Audited.of(null, event(change.workflow(), change.changedBy(), change.changedAt(),
                    AuditOutcome.SUCCESS, change.from().propertyValue() + " to " + change.to().propertyValue() + gate));
        });
    }

    /** A switch that was asked for and refused (the live gate not met): audited, nothing else recorded. */
    public void recordRefused(String workflow, OperatingMode to, String actor, Instant at, String why)
            throws SQLException {
        transaction.record(event(workflow, actor, at, AuditOutcome.FAILURE,
                "to " + to.propertyValue() + " refused: " + why));
    }

    private static AuditEvent event(String workflow, String actor, Instant at, AuditOutcome outcome, String reason) {
        return new AuditEvent(actor, AuditAction.MODE_SWITCH, at, null, null, "workflow/" + workflow, outcome, reason,
                null);
    }

    private static void insert(Connection c, ModeChange change) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into workflow_mode_change (" + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, change.workflow());
            insert.setString(2, change.from().name());
            insert.setString(3, change.to().name());
            insert.setString(4, change.changedBy());
            insert.setTimestamp(5, SqlChanges.timestamp(change.changedAt()));
            LiveGateCheck gate = change.gate();
            if (gate == null) {
                insert.setNull(6, Types.INTEGER);
                insert.setNull(7, Types.INTEGER);
                insert.setNull(8, Types.DOUBLE);
                insert.setNull(9, Types.DOUBLE);
            } else {
                insert.setInt(6, gate.window());
                insert.setInt(7, gate.decided());
                insert.setDouble(8, gate.agreement());
                insert.setDouble(9, gate.minAgreement());
            }
            insert.executeUpdate();
        }
    }

    public Optional<ModeChange> latest(String workflow) throws SQLException {
        List<ModeChange> changes = query(workflow, 1);
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(0));
    }

    /** Newest first. */
    public List<ModeChange> history(String workflow, int limit) throws SQLException {
        return query(workflow, limit);
    }

    private List<ModeChange> query(String workflow, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select " + COLUMNS
                     + " from workflow_mode_change where workflow = ? order by id desc")) {
            query.setString(1, workflow);
            query.setMaxRows(limit);
            try (ResultSet rs = query.executeQuery()) {
                List<ModeChange> changes = new ArrayList<>();
                while (rs.next()) {
                    changes.add(read(rs));
                }
                return changes;
            }
        }
    }

    private static ModeChange read(ResultSet rs) throws SQLException {
        int window = rs.getInt("gate_window");
        LiveGateCheck gate = rs.wasNull() ? null : new LiveGateCheck(window, rs.getInt("gate_decided"),
                rs.getDouble("gate_agreement"), rs.getDouble("gate_min_agreement"));
        return new ModeChange(rs.getString("workflow"), OperatingMode.valueOf(rs.getString("from_mode")),
                OperatingMode.valueOf(rs.getString("to_mode")), rs.getString("changed_by"),
                WorkItemRows.instant(rs.getTimestamp("changed_at")), gate);
    }
}
