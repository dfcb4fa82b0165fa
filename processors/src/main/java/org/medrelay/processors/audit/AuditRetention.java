package org.medrelay.processors.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Removes audit entries past their retention ({@code medrelay.audit.retention-days}) without breaking the
 * chain: only the oldest part of the chain goes, the anchor keeps the hash of the last entry removed (the
 * first kept entry links to it), and the purge itself is appended as a {@link AuditAction#PURGE} entry. All
 * in one transaction, under the chain-head lock.
 *
 * <p>Entries are removed up to the first one still within retention, never past it: an entry appended late
 * with an old time (a backfilled error) waits for the entries before it.
 */
public class AuditRetention {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);
    private static final String ACTOR = AuditActors.system("audit-retention");

    private final DataSource dataSource;
    private final AuditTrail trail;
    private final Duration retention;
    private final Clock clock;

    /** @param retention how long entries are kept; zero keeps them forever */
    public AuditRetention(DataSource dataSource, AuditTrail trail, Duration retention, Clock clock) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("audit retention must not be negative");
        }
        this.dataSource = dataSource;
        this.trail = trail;
        this.retention = retention;
        this.clock = clock;
    }

    /** @return the number of entries removed */
    public long purgeExpired() throws SQLException {
        if (retention.isZero()) {
            return 0;
        }
        Instant now = clock.instant();
        return purgeRecordedBefore(now.minus(retention), now);
    }

    /** Removes the oldest entries recorded before {@code cutoff}; @return how many */
    public long purgeRecordedBefore(Instant cutoff, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long purged = purge(c, cutoff, now);
                c.commit();
                return purged;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private long purge(Connection c, Instant cutoff, Instant now) throws SQLException {
        AuditChainHead head = AuditChainHead.lock(c);
        long oldest = queryLong(c, "select min(id) from audit_event", null, 0);
        long firstKept = queryLong(c, "select min(id) from audit_event where recorded_at >= ?", cutoff,
                head.lastId() + 1);
        if (oldest == 0 || firstKept <= oldest) {
            LOG.debug("Audit retention: no entries recorded before {}", cutoff);
            return 0;
        }
        String lastPurgedHash = hashOf(c, firstKept - 1);
        try (PreparedStatement delete = c.prepareStatement("delete from audit_event where id < ?")) {
            delete.setLong(1, firstKept);
            delete.executeUpdate();
        }
        AuditChainAnchor anchor = new AuditChainAnchor(firstKept, lastPurgedHash, oldest);
        anchor.replace(c, now);
        trail.append(c, List.of(new AuditEvent(ACTOR, AuditAction.PURGE, now, null, null, anchor.purgeTarget(),
                AuditOutcome.SUCCESS, "retention " + retention.toDays() + " days", null)));
        long purged = firstKept - oldest;
        LOG.info("Audit retention: removed entries {} to {} ({} entries) recorded before {}", oldest, firstKept - 1,
                purged, cutoff);
        return purged;
    }

    private static String hashOf(Connection c, long id) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("select entry_hash from audit_event where id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("audit entry " + id + " is missing; run `medrelay audit verify`");
                }
                return rs.getString(1);
            }
        }
    }

    private static long queryLong(Connection c, String sql, Instant parameter, long whenNull) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            if (parameter != null) {
                AuditEntryRows.setInstant(query, 1, parameter);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                long value = rs.getLong(1);
                return rs.wasNull() ? whenNull : value;
            }
        }
    }
}
