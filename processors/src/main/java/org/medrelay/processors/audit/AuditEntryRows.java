package org.medrelay.processors.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The audit_event table's columns, read and written in one place so the trail and the verifier agree. */
final class AuditEntryRows {

    static final String COLUMNS = "id, recorded_at, actor, action, patient_key, source_message, target, outcome,"
            + " outcome_reason, interface_name, previous_hash, entry_hash";

    static final String INSERT = "insert into audit_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditEntryRows() {
    }

    static void bind(PreparedStatement insert, AuditEntry entry) throws SQLException {
        AuditEvent e = entry.event();
        insert.setLong(1, entry.id());
        setInstant(insert, 2, e.recordedAt());
        insert.setString(3, e.actor());
        insert.setString(4, e.action().name());
        insert.setString(5, e.patientKey());
        insert.setString(6, e.sourceMessage());
        insert.setString(7, e.target());
        insert.setString(8, e.outcome().name());
        insert.setString(9, e.reason());
        insert.setString(10, e.interfaceName());
        insert.setString(11, entry.previousHash());
        insert.setString(12, entry.hash());
    }

    /**
     * Reads a row selected with {@link #COLUMNS}. An action or outcome name this version does not know (a
     * tampered row, or one from a newer MedRelay) is kept as read, so verification reports the entry instead
     * of failing on it.
     */
    static StoredRow read(ResultSet rs) throws SQLException {
        return new StoredRow(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12));
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** A row exactly as stored. */
    record StoredRow(long id, Instant recordedAt, String actor, String action, String patientKey,
                     String sourceMessage, String target, String outcome, String reason, String interfaceName,
                     String previousHash, String hash) {

        /** The entry, or null when the row no longer makes a valid event (which the verifier reports). */
        AuditEntry toEntry() {
            try {
                AuditEvent event = new AuditEvent(actor, AuditAction.valueOf(action), recordedAt, patientKey,
                        sourceMessage, target, AuditOutcome.valueOf(outcome), reason, interfaceName);
                return new AuditEntry(id, event, previousHash, hash);
            } catch (IllegalArgumentException | NullPointerException e) {
                return null;
            }
        }
    }
}
