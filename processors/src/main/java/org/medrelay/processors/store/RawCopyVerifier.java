package org.medrelay.processors.store;

import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.crypto.PayloadDecryptionException;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows the integrity of the raw copies: recomputes the SHA-256 of every stored copy (message log and error store,
 * and the sealed files kept of each 835 and fax taken in) and compares it with the hash recorded when the copy was
 * stored. A sealed copy that was altered does not even decrypt; one re-sealed by someone holding the key, or a
 * clear one changed in place, no longer matches its hash; a file copy deleted or cut short is named too.
 */
public class RawCopyVerifier {

    /**
     * One copy that is not what was received, by its audit-trail name ({@code hl7-message/12}, {@code error/3},
     * {@code remittance-file/2}, {@code fax-file/5}).
     */
    public record Mismatch(String target, String problem) {
    }

    /**
     * @param checked    copies whose hash was recomputed and compared
     * @param withoutHash copies stored before hashes were kept (nothing to compare with)
     * @param mismatches the first {@value #MISMATCHES_NAMED} copies that failed, oldest first per table
     */
    public record Result(long checked, long withoutHash, long mismatchCount, List<Mismatch> mismatches) {

        public boolean intact() {
            return mismatchCount == 0;
        }
    }

    static final int MISMATCHES_NAMED = 100;
    private static final int PAGE = 500;
    private static final List<StoredPayloadColumn> RAW_COPIES =
            List.of(StoredPayloadColumn.HL7_MESSAGE_RAW_COPY, StoredPayloadColumn.ERROR_RAW_COPY);

    /** A table of files taken in whole: where each one's sealed copy is (raw_copy) and its hash (content_sha256). */
    private record FileCopies(String table, String targetPrefix, SealedRawCopies.Kind kind) {
    }

    private static final List<FileCopies> FILE_COPIES = List.of(
            new FileCopies("remittance_file", "remittance-file/", SealedRawCopies.Kind.REMITTANCE),
            new FileCopies("fax_file", "fax-file/", SealedRawCopies.Kind.FAX));

    private final DataSource dataSource;
    private final PayloadCipher cipher;

    public RawCopyVerifier(DataSource dataSource, PayloadCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    public Result verify() throws SQLException {
        long[] counts = new long[3]; // checked, without hash, mismatches
        List<Mismatch> mismatches = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (StoredPayloadColumn copies : RAW_COPIES) {
                verify(c, copies, counts, mismatches);
            }
            for (FileCopies files : FILE_COPIES) {
                verify(c, files, counts, mismatches);
            }
        }
        return new Result(counts[0], counts[1], counts[2], List.copyOf(mismatches));
    }

    private void verify(Connection c, StoredPayloadColumn copies, long[] counts, List<Mismatch> mismatches)
            throws SQLException {
        String sql = "select id, " + copies.bindingColumn() + ", " + copies.column() + ", raw_sha256 from "
                + copies.table() + " where id > ? and " + copies.column() + " is not null order by id";
        long afterId = 0;
        int read;
        do {
            read = 0;
            try (PreparedStatement query = c.prepareStatement(sql)) {
                query.setLong(1, afterId);
                query.setMaxRows(PAGE);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        afterId = rs.getLong(1);
                        String recorded = rs.getString(4);
                        if (recorded == null) {
                            counts[1]++;
                            continue;
                        }
                        counts[0]++;
                        String problem = problemOf(copies, rs.getString(2), rs.getBytes(3), recorded);
                        if (problem != null) {
                            counts[2]++;
                            if (mismatches.size() < MISMATCHES_NAMED) {
                                mismatches.add(new Mismatch(copies.target(afterId), problem));
                            }
                        }
                    }
                }
            }
        } while (read == PAGE);
    }

    private void verify(Connection c, FileCopies files, long[] counts, List<Mismatch> mismatches) throws SQLException {
        String sql = "select id, raw_copy, content_sha256 from " + files.table() + " where id > ? order by id";
        long afterId = 0;
        int read;
        do {
            read = 0;
            try (PreparedStatement query = c.prepareStatement(sql)) {
                query.setLong(1, afterId);
                query.setMaxRows(PAGE);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        afterId = rs.getLong(1);
                        counts[0]++;
                        String problem = problemOf(files, Path.of(rs.getString(2)), rs.getString(3).strip());
                        if (problem != null) {
                            counts[2]++;
                            if (mismatches.size() < MISMATCHES_NAMED) {
                                mismatches.add(new Mismatch(files.targetPrefix() + afterId, problem));
                            }
                        }
                    }
                }
            }
        } while (read == PAGE);
    }

    /** Null when the file copy opens whole and matches its hash; streamed, whatever the file's size. */
    private String problemOf(FileCopies files, Path copy, String recorded) {
        if (!Files.isRegularFile(copy)) {
            return "the sealed copy " + copy.getFileName() + " is missing";
        }
        String actual;
        try {
            actual = new SealedRawCopies(copy.getParent(), cipher, files.kind()).sha256Of(copy, recorded);
        } catch (IOException | PayloadDecryptionException e) {
            return e.getMessage();
        }
        return actual.equals(recorded) ? null
                : "SHA-256 " + actual + " does not match the " + recorded + " recorded when it was stored";
    }

    /** Null when the copy matches its hash. */
    private String problemOf(StoredPayloadColumn copies, String bindingValue, byte[] stored, String recorded) {
        byte[] raw;
        try {
            raw = cipher.open(stored, copies.bindingOf(bindingValue));
        } catch (PayloadDecryptionException e) {
            return e.getMessage();
        }
        String actual = RawCopyHash.of(raw);
        return actual.equals(recorded) ? null
                : "SHA-256 " + actual + " does not match the " + recorded + " recorded when it was stored";
    }
}
