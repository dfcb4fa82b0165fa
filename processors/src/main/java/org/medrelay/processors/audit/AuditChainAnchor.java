package org.medrelay.processors.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the chain starts after a retention purge: the first entry kept and the hash of the last one purged,
 * which the first kept entry still links to. The purge that set the anchor is recorded in the chain as a
 * {@link AuditAction#PURGE} entry whose target is {@link #purgeTarget()}, so a moved anchor is detected.
 */
record AuditChainAnchor(long firstId, String previousHash, long purgedFromId) {

    static Optional<AuditChainAnchor> read(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "select first_id, previous_hash, purged_from_id from audit_chain_anchor where id = 1");
             ResultSet rs = query.executeQuery()) {
            return rs.next() ? Optional.of(new AuditChainAnchor(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                    : Optional.empty();
        }
    }

    void replace(Connection c, Instant purgedAt) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from audit_chain_anchor");
             PreparedStatement insert = c.prepareStatement("insert into audit_chain_anchor"
                     + " (id, first_id, previous_hash, purged_from_id, purged_at) values (1, ?, ?, ?, ?)")) {
            delete.executeUpdate();
            insert.setLong(1, firstId);
            insert.setString(2, previousHash);
            insert.setLong(3, purgedFromId);
            AuditEntryRows.setInstant(insert, 4, purgedAt);
            insert.executeUpdate();
        }
    }

    /** The target of the PURGE entry that set this anchor: the ids purged, e.g. {@code audit-event/1..41}. */
    String purgeTarget() {
        return "audit-event/" + purgedFromId + ".." + (firstId - 1);
    }
}
