package org.medrelay.processors.audit;

import org.medrelay.processors.audit.AuditEntryRows.StoredRow;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the audit chain from its start (entry 1, or the retention anchor) to the chain head and names the
 * first entry that is not what was appended: altered, unlinked, or missing. Reads page by page, so a trail
 * of millions of entries is verified in constant memory.
 *
 * <p>Entries appended while it runs are not verified: the walk stops at the head it read first.
 */
public class AuditChainVerifier {

    private static final int PAGE_SIZE = 1000;

    private final DataSource dataSource;

    public AuditChainVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ChainVerification verify() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // One snapshot for the whole walk where the database gives one (PostgreSQL), so a purge or an
            // append while it runs does not look like tampering.
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            try {
                return walk(c);
            } finally {
                c.rollback();
            }
        }
    }

    private ChainVerification walk(Connection c) throws SQLException {
        AuditChainHead head = AuditChainHead.read(c);
        Optional<AuditChainAnchor> anchor = AuditChainAnchor.read(c);
        if (anchor.isPresent() && anchor.get().firstId() > head.lastId()) {
            return ChainVerification.broken(0, anchor.get().firstId(), ChainProblem.ANCHOR_MISMATCH);
        }
        long expectedId = anchor.map(AuditChainAnchor::firstId).orElse(1L);
        String previousHash = anchor.map(AuditChainAnchor::previousHash).orElse(AuditEntryHash.GENESIS);
        long verified = 0;
        String lastPurgeTarget = null;
        long afterId = 0;
        for (List<StoredRow> page = page(c, afterId, head.lastId()); !page.isEmpty();
             page = page(c, afterId, head.lastId())) {
            for (StoredRow row : page) {
                ChainProblem problem = check(c, row, expectedId, previousHash, head);
                if (problem != null) {
                    long at = problem == ChainProblem.ENTRY_MISSING ? expectedId : row.id();
                    return ChainVerification.broken(verified, at, problem);
                }
                if (AuditAction.PURGE.name().equals(row.action())) {
                    lastPurgeTarget = row.target();
                }
                previousHash = row.hash();
                expectedId++;
                verified++;
            }
            afterId = page.get(page.size() - 1).id();
        }
        if (expectedId <= head.lastId()) {
            return ChainVerification.broken(verified, expectedId, ChainProblem.ENTRY_MISSING);
        }
        if (!previousHash.equals(head.lastHash())) {
            return ChainVerification.broken(verified, head.lastId(), ChainProblem.HEAD_MISMATCH);
        }
        if (anchor.isPresent() && !anchor.get().purgeTarget().equals(lastPurgeTarget)) {
            return ChainVerification.broken(verified, anchor.get().firstId(), ChainProblem.ANCHOR_MISMATCH);
        }
        return ChainVerification.intact(verified, head.lastId(), head.lastHash());
    }

    /** The problem with this row, or null when it is the entry the chain expects next. */
    private static ChainProblem check(Connection c, StoredRow row, long expectedId, String previousHash,
                                      AuditChainHead head) throws SQLException {
        if (row.id() > expectedId) {
            return ChainProblem.ENTRY_MISSING;
        }
        if (row.id() < expectedId) {
            return ChainProblem.ANCHOR_MISMATCH; // an entry before the anchor: the anchor was moved
        }
        if (!previousHash.equals(row.previousHash())) {
            return ChainProblem.LINK_BROKEN;
        }
        AuditEntry entry = row.toEntry();
        String recomputed = entry == null ? null : AuditEntryHash.of(entry.id(), entry.event(), entry.previousHash());
        if (recomputed != null && recomputed.equals(row.hash())) {
            return null;
        }
        // The content still gives the hash the next entry links to: only the stored hash was changed.
        return recomputed != null && recomputed.equals(nextLink(c, row.id(), head))
                ? ChainProblem.HASH_ALTERED : ChainProblem.CONTENT_ALTERED;
    }

    /** The hash the entry after {@code id} links to (the head's, for the last entry), or null. */
    private static String nextLink(Connection c, long id, AuditChainHead head) throws SQLException {
        if (id == head.lastId()) {
            return head.lastHash();
        }
        try (PreparedStatement query = c.prepareStatement("select previous_hash from audit_event where id = ?")) {
            query.setLong(1, id + 1);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static List<StoredRow> page(Connection c, long afterId, long lastId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("select " + AuditEntryRows.COLUMNS
                + " from audit_event where id > ? and id <= ? order by id")) {
            query.setLong(1, afterId);
            query.setLong(2, lastId);
            query.setMaxRows(PAGE_SIZE);
            try (ResultSet rs = query.executeQuery()) {
                List<StoredRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(AuditEntryRows.read(rs));
                }
                return rows;
            }
        }
    }
}
