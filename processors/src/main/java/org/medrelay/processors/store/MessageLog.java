package org.medrelay.processors.store;

import org.medrelay.mappings.hl7v2.Hl7MessageHeader;

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
 */
public class MessageLog {

    private final DataSource dataSource;

    public MessageLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records that processing of a message starts, unless it was processed before.
     *
     * @return false when the message was already processed (a resend or a broker redelivery)
     */
    public boolean beginProcessing(Hl7MessageHeader header, Instant now) throws SQLException {
        String key = header.deduplicationKey();
        Optional<MessageStatus> status = statusOf(key);
        if (status.isPresent()) {
            return status.get() != MessageStatus.PROCESSED;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "insert into hl7_message (dedup_key, control_id, message_type, version, status, received_at)"
                             + " values (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, header.controlId());
            insert.setString(3, header.messageTypeAndEvent());
            insert.setString(4, header.version());
            insert.setString(5, MessageStatus.PROCESSING.name());
            insert.setTimestamp(6, Timestamp.from(now));
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
