package org.medrelay.processors.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail in the MedRelay store: append-only and hash-chained. Each entry holds the SHA-256 of its
 * content and of the entry before it, so a changed, removed or reordered entry breaks the chain where it is
 * ({@link AuditChainVerifier}). Appends lock the chain head row, so appenders in any number of threads or
 * processes form one chain.
 */
public class AuditTrail {

    private final DataSource dataSource;

    public AuditTrail(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public AuditEntry append(AuditEvent event) throws SQLException {
        return append(List.of(event)).get(0);
    }

    /** Appends the events in order, in one transaction: all of them become entries, or none. */
    public List<AuditEntry> append(List<AuditEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<AuditEntry> entries = append(c, events);
                c.commit();
                return entries;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Appends within the caller's transaction (auto-commit off), so that what the caller writes with it (e.g.
     * marking the rows it audited) commits or rolls back together with the entries. The chain head stays
     * locked until the caller ends the transaction: keep it short.
     */
    public List<AuditEntry> append(Connection c, List<AuditEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        AuditChainHead head = AuditChainHead.lock(c);
        long id = head.lastId();
        String previousHash = head.lastHash();
        List<AuditEntry> entries = new ArrayList<>(events.size());
        try (PreparedStatement insert = c.prepareStatement(AuditEntryRows.INSERT)) {
            for (AuditEvent event : events) {
                id++;
                AuditEntry entry = new AuditEntry(id, event, previousHash, AuditEntryHash.of(id, event, previousHash));
                AuditEntryRows.bind(insert, entry);
                insert.addBatch();
                entries.add(entry);
                previousHash = entry.hash();
            }
            insert.executeBatch();
        }
        AuditChainHead.advance(c, id, previousHash);
        return entries;
    }

    /** The newest entries first, as a person browsing the trail wants them. */
    public List<AuditEntry> newestFirst(AuditQuery query, int limit) throws SQLException {
        return select(query, "order by id desc", null, limit);
    }

    /** Entries after {@code afterId}, oldest first: page through the trail without holding it all in memory. */
    public List<AuditEntry> page(AuditQuery query, long afterId, int size) throws SQLException {
        return select(query, "order by id", afterId, size);
    }

    private List<AuditEntry> select(AuditQuery query, String order, Long afterId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("select " + AuditEntryRows.COLUMNS + " from audit_event where 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (afterId != null) {
            sql.append(" and id > ?");
            parameters.add(afterId);
        }
        if (query.since() != null) {
            sql.append(" and recorded_at >= ?");
            parameters.add(query.since());
        }
        if (query.patientKey() != null) {
            sql.append(" and patient_key = ?");
            parameters.add(query.patientKey());
        }
        sql.append(' ').append(order);
        try (Connection c = dataSource.getConnection();
             PreparedStatement statement = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof Instant instant) {
                    AuditEntryRows.setInstant(statement, i + 1, instant);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            statement.setMaxRows(limit);
            try (ResultSet rs = statement.executeQuery()) {
                List<AuditEntry> entries = new ArrayList<>();
                while (rs.next()) {
                    AuditEntryRows.StoredRow row = AuditEntryRows.read(rs);
                    AuditEntry entry = row.toEntry();
                    if (entry == null) {
                        // Only a row changed outside MedRelay reads as no valid event; never skip it silently.
                        throw new SQLException("audit entry " + row.id() + " cannot be read (altered?);"
                                + " run `medrelay audit verify`");
                    }
                    entries.add(entry);
                }
                return entries;
            }
        }
    }
}
