package org.medrelay.processors.store;

import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.crypto.PayloadDecryptionException;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
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

    private final DataSource dataSource;
    private final PayloadCipher cipher;

    public RawCopyVerifier(DataSource dataSource, PayloadCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    public Result verify() throws SQLException {
        Tally tally = new Tally();
        try (Connection c = dataSource.getConnection()) {
            for (StoredPayloadColumn copies : RAW_COPIES) {
                String sql = "select id, " + copies.bindingColumn() + ", " + copies.column() + ", raw_sha256 from "
                        + copies.table() + " where id > ? and " + copies.column() + " is not null order by id";
                IdPages.forEach(c, sql, PAGE, row -> {
                    String recorded = row.getString(4);
                    if (recorded == null) {
                        tally.withoutHash++;
                        return;
                    }
                    tally.checked(copies.target(row.getLong(1)),
                            problemOf(copies, row.getString(2), row.getBytes(3), recorded));
                });
            }
            for (SealedRawCopies.Kind kind : SealedRawCopies.Kind.values()) {
                IdPages.forEach(c, kind.pageQuery(), PAGE, row -> tally.checked(kind.target(row.getLong(1)),
                        problemOf(kind, Path.of(row.getString(2)), row.getString(3).strip())));
            }
        }
        return new Result(tally.checked, tally.withoutHash, tally.mismatchCount, List.copyOf(tally.mismatches));
    }

    /** Null when the file copy opens whole and matches its hash; streamed, whatever the file's size. */
    private String problemOf(SealedRawCopies.Kind kind, Path copy, String recorded) {
        String actual;
        try {
            actual = new SealedRawCopies(copy.getParent(), cipher, kind).sha256Of(copy, recorded);
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

    private static final class Tally {
        long checked;
        long withoutHash;
        long mismatchCount;
        final List<Mismatch> mismatches = new ArrayList<>();

        /** @param problem null when the copy matched */
        void checked(String target, String problem) {
            checked++;
            if (problem != null) {
                mismatchCount++;
                if (mismatches.size() < MISMATCHES_NAMED) {
                    mismatches.add(new Mismatch(target, problem));
                }
            }
        }
    }
}
