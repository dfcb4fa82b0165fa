package org.medrelay.processors.review;

import org.medrelay.processors.crypto.PayloadCipher;

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
 * The bookkeeping of the FHIR Task mirror, in the store: which version of each work item the EHR holds, which
 * the EHR refused, and how far MedRelay has read the EHR's Task changes. Kept apart from the item's own version,
 * so mirroring never conflicts with a person's action.
 */
public class TaskMirrorLedger {

    /** The cursor of the EHR's Task changes in work_item_sync_cursor. */
    static final String TASK_CURSOR = "fhir-task";

    private final DataSource dataSource;
    private final PayloadCipher cipher;

    /** A ledger over a store whose drafts are in clear (encryption off, no keys). */
    public TaskMirrorLedger(DataSource dataSource) {
        this(dataSource, PayloadCipher.clearOnly());
    }

    /** @param cipher opens the drafts the Tasks carry; the same as the work item store's */
    public TaskMirrorLedger(DataSource dataSource, PayloadCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    /** Items changed since the EHR last got them (new ones included), least recently changed first. */
    public List<WorkItem> pendingPush(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select " + WorkItemRows.COLUMNS
                     + " from work_item where version > task_synced_version order by updated_at, id")) {
            query.setMaxRows(limit);
            try (ResultSet rs = query.executeQuery()) {
                List<WorkItem> items = new ArrayList<>();
                while (rs.next()) {
                    items.add(WorkItemRows.read(rs, cipher));
                }
                return items;
            }
        }
    }

    /** The EHR holds this version of the item as Task {@code taskId}. */
    public void markPushed(long id, long version, String taskId) throws SQLException {
        mark(id, version, taskId, null);
    }

    /** The EHR refused the Task for this version (HTTP status); it is not tried again until the item changes. */
    public void markRefused(long id, long version, int httpStatus) throws SQLException {
        mark(id, version, null, httpStatus);
    }

    /** Write the item to the EHR again (its Task says something else than MedRelay). */
    public void requestPush(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("update work_item set task_synced_version = 0 where id = ?")) {
            update.setLong(1, id);
            update.executeUpdate();
        }
    }

    /** The HTTP status the EHR last refused this item's Task with, if it did. */
    public Optional<Integer> refusal(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select task_refused_status from work_item where id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int status = rs.getInt(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(status);
            }
        }
    }

    /** The newest {@code meta.lastUpdated} (the EHR's clock) of the Task changes read so far. */
    public Optional<Instant> cursor() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "select position_at from work_item_sync_cursor where name = ?")) {
            query.setString(1, TASK_CURSOR);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(WorkItemRows.instant(rs.getTimestamp(1))) : Optional.empty();
            }
        }
    }

    public void advanceCursor(Instant position) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement update = c.prepareStatement(
                    "update work_item_sync_cursor set position_at = ? where name = ? and position_at < ?")) {
                update.setTimestamp(1, SqlChanges.timestamp(position));
                update.setString(2, TASK_CURSOR);
                update.setTimestamp(3, SqlChanges.timestamp(position));
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into work_item_sync_cursor (name, position_at) values (?, ?)")) {
                insert.setString(1, TASK_CURSOR);
                insert.setTimestamp(2, SqlChanges.timestamp(position));
                insert.executeUpdate();
            } catch (SQLException e) {
                // The row exists (at or past this position), or another engine inserted it first: either way the
                // cursor is there, and re-reading a few Tasks next poll is harmless.
                if (cursor().isEmpty()) {
                    throw e;
                }
            }
        }
    }

    private void mark(long id, long version, String taskId, Integer refusedStatus) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("update work_item set task_synced_version = ?,"
                     + " task_id = coalesce(?, task_id), task_refused_status = ? where id = ?")) {
            update.setLong(1, version);
            update.setString(2, taskId);
            if (refusedStatus == null) {
                update.setNull(3, Types.INTEGER);
            } else {
                update.setInt(3, refusedStatus);
            }
            update.setLong(4, id);
            update.executeUpdate();
        }
    }
}
