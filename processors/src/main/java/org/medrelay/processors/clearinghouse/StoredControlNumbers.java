package org.medrelay.processors.clearinghouse;

import org.medrelay.mappings.x12.ControlNumbers;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * ISA13, GS06 and ST02 kept in the store (table x12_control_number, V6), for every X12 file MedRelay writes (270s, the
 * TA1/999 it sends back for eligibility and remittance files): each number is taken by incrementing its
 * row in a transaction, so it is unique across restarts and across threads and engines sharing the store (the row
 * lock orders them). Wraps from 999,999,999 to 1.
 */
public final class StoredControlNumbers implements ControlNumbers {

    private static final long MAX = 999_999_999L;
    private final DataSource store;

    public StoredControlNumbers(DataSource store) {
        this.store = store;
    }

    @Override
    public long next(Kind kind) {
        try (Connection c = store.getConnection()) {
            c.setAutoCommit(false);
            try {
                long next = increment(c, kind);
                c.commit();
                return next;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("control number " + kind + " could not be taken from the store: " + e.getSQLState(), e);
        }
    }

    private static long increment(Connection c, Kind kind) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "update x12_control_number set last_value = case when last_value >= ? then 1 else last_value + 1 end where kind = ?")) {
            update.setLong(1, MAX);
            update.setString(2, kind.name());
            if (update.executeUpdate() != 1) {
                throw new SQLException("no x12_control_number row for " + kind);
            }
        }
        try (PreparedStatement select = c.prepareStatement("select last_value from x12_control_number where kind = ?")) {
            select.setString(1, kind.name());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
