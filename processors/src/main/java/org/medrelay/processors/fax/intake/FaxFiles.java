package org.medrelay.processors.fax.intake;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The faxes taken in, in the store (V14: {@code fax_file}). A fax is admitted once by the SHA-256 of its bytes,
 * whichever route or engine sees it; one whose processing failed stays RECEIVED and is taken up where it stopped.
 */
public class FaxFiles {

    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource store;
    private final Clock clock;

    public FaxFiles(DataSource store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Optional<FaxFile> bySha256(String sha256) throws SQLException {
        return select("content_sha256 = ?", sha256);
    }

    public Optional<FaxFile> get(long id) throws SQLException {
        return select("id = ?", id);
    }

    /**
     * Records a new fax, RECEIVED, with its raw copy and sidecar.
     *
     * @return empty when another route or engine admitted the same bytes a moment ago
     */
    public Optional<FaxFile> admit(String fileName, String source, String sha256, long byteCount, String rawCopy,
                                   FaxSidecar sidecar) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into fax_file (file_name, source, content_sha256,"
                     + " byte_count, raw_copy, sender_fax, sent_at, sidecar_page_count, status, received_at)"
                     + " values (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, clip(fileName, 300));
            insert.setString(2, source);
            insert.setString(3, sha256);
            insert.setLong(4, byteCount);
            insert.setString(5, rawCopy);
            insert.setString(6, sidecar.senderFax().orElse(null));
            insert.setTimestamp(7, sidecar.received().map(Timestamp::from).orElse(null));
            insert.setObject(8, sidecar.pages().orElse(null));
            insert.setTimestamp(9, Timestamp.from(clock.instant()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return Optional.of(new FaxFile(keys.getLong(1), FaxFile.RECEIVED, Optional.empty(), Optional.empty()));
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void documentFiled(long id, String documentReference) throws SQLException {
        update("update fax_file set document_reference = ? where id = ?", documentReference, id);
    }

    public void workItemMade(long id, long workItemId) throws SQLException {
        update("update fax_file set work_item_id = ? where id = ?", workItemId, id);
    }

    /** The fax's end: FILED, TRIAGED or ARCHIVED, with what it was read as and a line for the operator (no PHI). */
    public void finished(long id, String status, String type, double confidence, int pages, String outcome) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement update = c.prepareStatement("update fax_file set status = ?, fax_type = ?, confidence = ?,"
                     + " page_count = ?, outcome = ?, finished_at = ? where id = ?")) {
            update.setString(1, status);
            update.setString(2, type);
            update.setDouble(3, confidence);
            update.setInt(4, pages);
            update.setString(5, clip(outcome, 2000));
            update.setTimestamp(6, Timestamp.from(clock.instant()));
            update.setLong(7, id);
            update.executeUpdate();
        }
    }

    private void update(String sql, Object value, long id) throws SQLException {
        try (Connection c = store.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setObject(1, value);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private Optional<FaxFile> select(String where, Object key) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement select = c.prepareStatement("select id, status, document_reference, work_item_id from fax_file"
                     + " where " + where)) {
            select.setObject(1, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long item = rs.getLong(4);
                Optional<Long> workItem = rs.wasNull() ? Optional.empty() : Optional.of(item);
                return Optional.of(new FaxFile(rs.getLong(1), rs.getString(2), Optional.ofNullable(rs.getString(3)), workItem));
            }
        }
    }

    private static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
