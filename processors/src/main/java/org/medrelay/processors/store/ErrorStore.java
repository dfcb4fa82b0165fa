package org.medrelay.processors.store;

import org.medrelay.processors.crypto.PayloadBinding;
import org.medrelay.processors.crypto.PayloadCipher;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The error and dead-letter store: every message that was refused or could not be processed, with its
 * original bytes, so nothing is lost and everything can be reprocessed once the cause is fixed.
 *
 * <p>The bytes are kept with their SHA-256 and, with encryption on, sealed ({@link PayloadCipher}) and bound to
 * their row id: a sealed copy moved to another row does not decrypt. Everything read here comes back in clear.
 */
public class ErrorStore {

    private static final int REASON_LIMIT = 2000;
    private static final int TRACE_LIMIT = 16000;

    private final DataSource dataSource;
    private final PayloadCipher cipher;

    /** A store whose payloads are in clear (encryption off, no keys). */
    public ErrorStore(DataSource dataSource) {
        this(dataSource, PayloadCipher.clearOnly());
    }

    public ErrorStore(DataSource dataSource, PayloadCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    /**
     * Inserts the row, then seals the bytes under its new id, in one transaction: the binding needs the id, which
     * the store gives on insert. Refusals are rare next to accepted messages, so the second statement costs little.
     */
    public long record(MessageError error, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id = insert(c, error, now);
                try (PreparedStatement update = c.prepareStatement(
                        "update message_error set raw_message = ? where id = ?")) {
                    update.setBytes(1, cipher.seal(error.rawMessage(), PayloadBinding.errorRawCopy(id)));
                    update.setLong(2, id);
                    update.executeUpdate();
                }
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static long insert(Connection c, MessageError error, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                     "insert into message_error (kind, status, interface_name, dedup_key, control_id, message_type,"
                             + " error_code, error_location, reason, exception_trace, charset, raw_message,"
                             + " remote_address, created_at, updated_at, reprocess_count, raw_sha256)"
                             + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, error.kind().name());
            insert.setString(2, ErrorStatus.OPEN.name());
            insert.setString(3, error.interfaceName());
            insert.setString(4, error.dedupKey());
            insert.setString(5, error.controlId());
            insert.setString(6, error.messageType());
            if (error.errorCode() == null) {
                insert.setNull(7, Types.INTEGER);
            } else {
                insert.setInt(7, error.errorCode());
            }
            insert.setString(8, error.errorLocation());
            insert.setString(9, truncate(error.reason(), REASON_LIMIT));
            insert.setString(10, truncate(error.exceptionTrace(), TRACE_LIMIT));
            insert.setString(11, error.charset());
            // Sealed by the caller once the id is known; never the clear bytes, not even inside the transaction.
            insert.setBytes(12, new byte[0]);
            insert.setString(13, error.remoteAddress());
            insert.setTimestamp(14, Timestamp.from(now));
            insert.setTimestamp(15, Timestamp.from(now));
            insert.setString(16, RawCopyHash.of(error.rawMessage()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The newest errors first. */
    public List<StoredError> list(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "select id, kind, status, interface_name, control_id, message_type, error_code, error_location,"
                             + " reason, created_at, reprocess_count from message_error order by id desc")) {
            query.setMaxRows(limit);
            try (ResultSet rs = query.executeQuery()) {
                List<StoredError> errors = new ArrayList<>();
                while (rs.next()) {
                    errors.add(toStoredError(rs));
                }
                return errors;
            }
        }
    }

    public Optional<StoredError> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "select id, kind, status, interface_name, control_id, message_type, error_code, error_location,"
                             + " reason, created_at, reprocess_count from message_error where id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(toStoredError(rs)) : Optional.empty();
            }
        }
    }

    /** The original bytes of a stored message, exactly as received. */
    public Optional<byte[]> rawMessage(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select raw_message from message_error where id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(cipher.open(rs.getBytes(1), PayloadBinding.errorRawCopy(id)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Marks an error for reprocessing; the running engine (or the next one to start) puts it back on
     * its inbound queue. Works whether or not the engine is running, since it only writes the store.
     *
     * @return false if there is no such error
     */
    public boolean requestReprocess(long id, Instant now) throws SQLException {
        return setStatus(id, ErrorStatus.REPROCESS_REQUESTED, now) == 1;
    }

    public List<Long> reprocessRequests(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "select id from message_error where status = ? order by id")) {
            query.setString(1, ErrorStatus.REPROCESS_REQUESTED.name());
            query.setMaxRows(limit);
            try (ResultSet rs = query.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        }
    }

    public void markReprocessed(long id, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "update message_error set status = ?, updated_at = ?, reprocess_count = reprocess_count + 1"
                             + " where id = ?")) {
            update.setString(1, ErrorStatus.REPROCESSED.name());
            update.setTimestamp(2, Timestamp.from(now));
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /**
     * Errors not yet recorded in the audit trail, oldest first, locked until the caller's transaction on
     * {@code c} ends, so two engines on one store never record the same error twice.
     */
    public List<AuditableError> lockUnaudited(Connection c, int limit) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "select id, kind, interface_name, error_code, error_location, raw_message, created_at"
                        + " from message_error where audited_at is null order by id for update")) {
            query.setMaxRows(limit);
            try (ResultSet rs = query.executeQuery()) {
                List<AuditableError> errors = new ArrayList<>();
                while (rs.next()) {
                    int code = rs.getInt(4);
                    Integer errorCode = rs.wasNull() ? null : code;
                    errors.add(new AuditableError(rs.getLong(1), ErrorKind.valueOf(rs.getString(2)), rs.getString(3),
                            errorCode, rs.getString(5), openForAudit(rs.getLong(1), rs.getBytes(6)),
                            rs.getTimestamp(7).toInstant()));
                }
                return errors;
            }
        }
    }

    /** Marks errors as recorded in the audit trail, in the caller's transaction (the one that recorded them). */
    public void markAudited(Connection c, List<Long> ids, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update message_error set audited_at = ? where id = ?")) {
            for (long id : ids) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setLong(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * The audit entry only derives the patient key from the bytes; a row whose copy cannot be decrypted is still
     * audited (as no patient) rather than blocking the entries of every row after it.
     */
    private byte[] openForAudit(long id, byte[] stored) {
        try {
            return cipher.open(stored, PayloadBinding.errorRawCopy(id));
        } catch (org.medrelay.processors.crypto.PayloadDecryptionException unreadable) {
            return new byte[0];
        }
    }

    private int setStatus(long id, ErrorStatus status, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "update message_error set status = ?, updated_at = ? where id = ?")) {
            update.setString(1, status.name());
            update.setTimestamp(2, Timestamp.from(now));
            update.setLong(3, id);
            return update.executeUpdate();
        }
    }

    private static StoredError toStoredError(ResultSet rs) throws SQLException {
        int code = rs.getInt(7);
        Integer errorCode = rs.wasNull() ? null : code;
        return new StoredError(rs.getLong(1), ErrorKind.valueOf(rs.getString(2)), ErrorStatus.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), errorCode, rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant(), rs.getInt(11));
    }

    private static String truncate(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit);
    }
}
