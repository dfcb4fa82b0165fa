package org.medrelay.processors.store;

import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.crypto.PayloadDecryptionException;
import org.medrelay.processors.crypto.SealedPayloadFormat;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many stored payloads each key id sealed, per payload column and per kind of sealed file copy, with
 * {@value #CLEAR} for those in clear: what `medrelay keys status` shows, so an operator knows when an old key has
 * nothing left to read. Reads only the headers' key ids (a file copy's first chunk); decrypts nothing.
 */
public class PayloadKeyCensus {

    public static final String CLEAR = "(clear)";
    /** A value that starts like a sealed payload but whose header cannot be read (cut short, altered). */
    public static final String UNREADABLE = "(unreadable header)";
    /** A file copy its table lists that is not on disk. */
    public static final String MISSING = "(missing file)";
    private static final int PAGE = 500;

    private final DataSource dataSource;
    private final PayloadCipher cipher;

    /** @param cipher the engine's: only its file-copy reader is used, to find a copy's first chunk */
    public PayloadKeyCensus(DataSource dataSource, PayloadCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    /**
     * Per payload column ({@link StoredPayloadColumn#label()}) and file copy kind ({@link SealedRawCopies.Kind#label()}),
     * in that order, the count of payloads per key id (or {@value #CLEAR}), key ids sorted.
     */
    public Map<String, Map<String, Long>> count() throws SQLException {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (StoredPayloadColumn column : StoredPayloadColumn.values()) {
                counts.put(column.label(), count(c, column));
            }
            for (SealedRawCopies.Kind kind : SealedRawCopies.Kind.values()) {
                counts.put(kind.label(), count(c, kind));
            }
        }
        return counts;
    }

    private static Map<String, Long> count(Connection c, StoredPayloadColumn column) throws SQLException {
        Map<String, Long> perKey = new TreeMap<>();
        IdPages.forEach(c, column.pageQuery(false), PAGE, row -> perKey.merge(keyIdOf(row.getBytes(3)), 1L, Long::sum));
        return perKey;
    }

    private Map<String, Long> count(Connection c, SealedRawCopies.Kind kind) throws SQLException {
        Map<String, Long> perKey = new TreeMap<>();
        IdPages.forEach(c, kind.pageQuery(), PAGE,
                row -> perKey.merge(keyIdOf(kind, Path.of(row.getString(2))), 1L, Long::sum));
        return perKey;
    }

    private static String keyIdOf(byte[] stored) {
        try {
            return SealedPayloadFormat.keyIdOf(stored).orElse(CLEAR);
        } catch (PayloadDecryptionException unreadable) {
            return UNREADABLE;
        }
    }

    private String keyIdOf(SealedRawCopies.Kind kind, Path copy) {
        try {
            return new SealedRawCopies(copy.getParent(), cipher, kind).keyIdOf(copy).orElse(CLEAR);
        } catch (SealedRawCopies.MissingCopyException missing) {
            return MISSING;
        } catch (IOException | PayloadDecryptionException unreadable) {
            return UNREADABLE;
        }
    }
}
