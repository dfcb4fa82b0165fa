package org.medrelay.processors.store;

import org.medrelay.processors.crypto.PayloadDecryptionException;
import org.medrelay.processors.crypto.SealedPayloadFormat;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many stored payloads each key id sealed, per payload column, with {@value #CLEAR} for those in clear: what
 * `medrelay keys status` shows, so an operator knows when an old key has nothing left to read. Reads only the
 * headers' key ids; decrypts nothing.
 */
public class PayloadKeyCensus {

    public static final String CLEAR = "(clear)";
    /** A value that starts like a sealed payload but whose header cannot be read (cut short, altered). */
    public static final String UNREADABLE = "(unreadable header)";
    private static final int PAGE = 500;

    private final DataSource dataSource;

    public PayloadKeyCensus(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Per column, the count of payloads per key id (or {@value #CLEAR}), key ids sorted. */
    public Map<StoredPayloadColumn, Map<String, Long>> count() throws SQLException {
        Map<StoredPayloadColumn, Map<String, Long>> counts = new EnumMap<>(StoredPayloadColumn.class);
        try (Connection c = dataSource.getConnection()) {
            for (StoredPayloadColumn column : StoredPayloadColumn.values()) {
                counts.put(column, count(c, column));
            }
        }
        return counts;
    }

    private static Map<String, Long> count(Connection c, StoredPayloadColumn column) throws SQLException {
        Map<String, Long> perKey = new TreeMap<>();
        long afterId = 0;
        int read;
        do {
            read = 0;
            try (PreparedStatement query = c.prepareStatement(column.pageQuery(false))) {
                query.setLong(1, afterId);
                query.setMaxRows(PAGE);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        afterId = rs.getLong(1);
                        perKey.merge(keyIdOf(rs.getBytes(3)), 1L, Long::sum);
                    }
                }
            }
        } while (read == PAGE);
        return perKey;
    }

    private static String keyIdOf(byte[] stored) {
        try {
            return SealedPayloadFormat.keyIdOf(stored).orElse(CLEAR);
        } catch (PayloadDecryptionException unreadable) {
            return UNREADABLE;
        }
    }
}
