package org.medrelay.processors.store;

import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.processors.crypto.PayloadBinding;
import org.medrelay.processors.crypto.PayloadCipher;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The log of accepted HL7v2 messages and how far each got. It is what makes processing idempotent:
 * a message whose key is already {@link MessageStatus#PROCESSED} is not processed again.
 *
 * <p>Each message is logged with a raw copy (the bytes as received) and its SHA-256, so integrity can be shown;
 * with encryption on the copy is sealed, bound to the message's dedup key.
 */
public class MessageLog {

    private final DataSource dataSource;
    private final PayloadCipher cipher;

    /** A log whose raw copies are in clear (encryption off, no keys). */
    public MessageLog(DataSource dataSource) {
        this(dataSource, PayloadCipher.clearOnly());
    }

    public MessageLog(DataSource dataSource, PayloadCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    /**
     * Records that processing of a message starts, with its raw copy, unless it was processed before. A message
     * logged before keeps the copy it was first logged with.
     *
     * @param raw     the bytes as received, from the durable queue copy
     * @param charset the character set they were decoded with (MSH-18)
     * @return false when the message was already processed (a resend or a broker redelivery)
     */
    public boolean beginProcessing(Hl7MessageHeader header, byte[] raw, String charset, Instant now)
            throws SQLException {
        String key = header.deduplicationKey();
        Optional<MessageStatus> status = statusOf(key);
        if (status.isPresent()) {
            return status.get() != MessageStatus.PROCESSED;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "insert into hl7_message (dedup_key, control_id, message_type, version, status, received_at,"
                             + " raw_message, raw_sha256, charset) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, header.controlId());
            insert.setString(3, header.messageTypeAndEvent());
            insert.setString(4, header.version());
            insert.setString(5, MessageStatus.PROCESSING.name());
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setBytes(7, cipher.seal(raw, PayloadBinding.hl7RawCopy(key)));
            insert.setString(8, RawCopyHash.of(raw));
            insert.setString(9, charset);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            // Two consumers raced on the same key: whoever inserted first owns it; look again.
            Optional<MessageStatus> raced = statusOf(key);
            if (raced.isPresent()) {
                return raced.get() != MessageStatus.PROCESSED;
            }
            throw e;
        }
    }

    public void markProcessed(String dedupKey, int resourcesWritten, Instant now) throws SQLException {
        update(dedupKey, MessageStatus.PROCESSED, resourcesWritten, now);
    }

    public void markFailed(String dedupKey, Instant now) throws SQLException {
        update(dedupKey, MessageStatus.FAILED, null, now);
    }

    public Optional<MessageStatus> statusOf(String dedupKey) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select status from hl7_message where dedup_key = ?")) {
            query.setString(1, dedupKey);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(MessageStatus.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** A logged message with its raw copy in clear (null for one logged before raw copies were kept). */
    public Optional<LoggedMessage> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select id, dedup_key, control_id, message_type, version,"
                     + " status, received_at, processed_at, charset, raw_sha256, raw_message from hl7_message where id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String key = rs.getString(2);
                Timestamp processed = rs.getTimestamp(8);
                return Optional.of(new LoggedMessage(rs.getLong(1), key, rs.getString(3), rs.getString(4),
                        rs.getString(5), MessageStatus.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(),
                        processed == null ? null : processed.toInstant(), rs.getString(9), rs.getString(10),
                        cipher.open(rs.getBytes(11), PayloadBinding.hl7RawCopy(key))));
            }
        }
    }

    /** The id a message is logged under, by its dedup key. */
    public Optional<Long> idOf(String dedupKey) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select id from hl7_message where dedup_key = ?")) {
            query.setString(1, dedupKey);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public long countByStatus(MessageStatus status) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select count(*) from hl7_message where status = ?")) {
            query.setString(1, status.name());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(String dedupKey, MessageStatus status, Integer resources, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "update hl7_message set status = ?, processed_at = ?, resources_written = ? where dedup_key = ?")) {
            update.setString(1, status.name());
            update.setTimestamp(2, Timestamp.from(now));
            if (resources == null) {
                update.setNull(3, java.sql.Types.INTEGER);
            } else {
                update.setInt(3, resources);
            }
            update.setString(4, dedupKey);
            update.executeUpdate();
        }
    }
}
