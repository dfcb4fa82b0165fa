package org.medrelay.processors.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a table's rows in id order a page at a time (keyset paging), so a store of millions of rows is never read
 * into memory at once and no page is skipped or read twice while rows are added.
 */
final class IdPages {

    /** What is done with each row; the row's id is its first column. */
    interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private IdPages() {
    }

    /**
     * @param sql a query whose only parameter is the last id already read ({@code where id > ?}), ordered by id,
     *            with the id as its first column
     */
    static void forEach(Connection c, String sql, int pageSize, Row row) throws SQLException {
        long afterId = 0;
        int read;
        do {
            read = 0;
            try (PreparedStatement query = c.prepareStatement(sql)) {
                query.setLong(1, afterId);
                query.setMaxRows(pageSize);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        afterId = rs.getLong(1);
                        row.read(rs);
                    }
                }
            }
        } while (read == pageSize);
    }
}
