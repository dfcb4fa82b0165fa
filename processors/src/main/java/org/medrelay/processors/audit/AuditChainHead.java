package org.medrelay.processors.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one-row audit_chain_head table: the id and hash of the last entry. Every append locks this row for the
 * rest of its transaction, which is what lines concurrent appenders up into one chain.
 */
record AuditChainHead(long lastId, String lastHash) {

    /** Locks the head until the transaction on {@code c} ends (auto-commit must be off). */
    static AuditChainHead lock(Connection c) throws SQLException {
        return read(c, "select last_id, last_hash from audit_chain_head where id = 1 for update");
    }

    /** The head without locking it, for reading the chain. */
    static AuditChainHead read(Connection c) throws SQLException {
        return read(c, "select last_id, last_hash from audit_chain_head where id = 1");
    }

    static void advance(Connection c, long lastId, String lastHash) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "update audit_chain_head set last_id = ?, last_hash = ? where id = 1")) {
            update.setLong(1, lastId);
            update.setString(2, lastHash);
            update.executeUpdate();
        }
    }

    private static AuditChainHead read(Connection c, String sql) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql);
             ResultSet rs = query.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit chain head row is missing (store schema V2 not applied?)");
            }
            return new AuditChainHead(rs.getLong(1), rs.getString(2));
        }
    }
}
