package org.medrelay.processors.store;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.crypto.PayloadDecryptionException;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings every stored payload to the current write form: sealed under the active key after a rotation, or clear
 * once an operator turned encryption off. Runs in batches of rows locked for the batch's transaction, so a running
 * engine waits at most one batch for a row, and each batch commits with its audit entry (who, which rows, under
 * which key): a batch is re-encrypted and audited, or neither. Payloads already in the write form are left alone,
 * so a second run after an interruption carries on where the first stopped.
 *
 * <p>The sealed copies of whole files (835s, faxes: {@link SealedRawCopies.Kind}) are re-sealed too, each into a
 * file beside it that replaces it once whole, and audited per batch of files.
 *
 * <p>A payload that cannot be decrypted (altered, or its key is not configured) is left as it is and reported;
 * it does not stop the others. So is a file copy that is missing.
 */
public class PayloadReEncryption {

    /** What a run did. {@code unreadable} names the first few payloads that could not be decrypted. */
    public record Result(long examined, long reEncrypted, long unreadableCount, List<String> unreadable) {
    }

    private static final int UNREADABLE_NAMED = 20;

    private final DataSource dataSource;
    private final PayloadCipher cipher;
    private final AuditTrail trail;
    private final Clock clock;

    public PayloadReEncryption(DataSource dataSource, PayloadCipher cipher, AuditTrail trail, Clock clock) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * @param batchSize rows per transaction
     * @param actor     who asked, for the audit trail ({@code os:<user>})
     */
    public Result run(int batchSize, String actor) throws SQLException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        Tally tally = new Tally();
        for (StoredPayloadColumn column : StoredPayloadColumn.values()) {
            inBatches(afterId -> batch(column, afterId, batchSize, actor, tally));
        }
        for (SealedRawCopies.Kind kind : SealedRawCopies.Kind.values()) {
            inBatches(afterId -> batch(kind, afterId, batchSize, actor, tally));
        }
        return new Result(tally.examined, tally.reEncrypted, tally.unreadableCount, List.copyOf(tally.unreadable));
    }

    /** One batch after the id given; returns the last id it examined, or the one given when no rows were left. */
    private interface Batch {
        long after(long afterId) throws SQLException;
    }

    private static void inBatches(Batch batch) throws SQLException {
        long afterId = 0;
        long lastId;
        while ((lastId = batch.after(afterId)) != afterId) {
            afterId = lastId;
        }
    }

    /** @return the last id examined, or {@code afterId} when there were no rows left */
    private long batch(StoredPayloadColumn column, long afterId, int size, String actor, Tally tally)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long lastId = afterId;
                List<Long> changed = new ArrayList<>();
                try (PreparedStatement query = c.prepareStatement(column.pageQuery(true));
                     PreparedStatement update = c.prepareStatement(column.updateStatement())) {
                    query.setLong(1, afterId);
                    query.setMaxRows(size);
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            lastId = rs.getLong(1);
                            tally.examined++;
                            byte[] resealed = reseal(column, lastId, rs.getString(2), rs.getBytes(3), tally);
                            if (resealed != null) {
                                update.setBytes(1, resealed);
                                update.setLong(2, lastId);
                                update.addBatch();
                                changed.add(lastId);
                            }
                        }
                    }
                    if (!changed.isEmpty()) {
                        update.executeBatch();
                        trail.append(c, List.of(auditEvent(column, changed, actor)));
                    }
                }
                c.commit();
                tally.reEncrypted += changed.size();
                return lastId;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Re-seals the next batch of file copies. No row is locked: a copy is written once, before its row, and never
     * changed by the engine; the re-sealed file replaces it in one rename.
     *
     * @return the last id examined, or {@code afterId} when there were no rows left
     */
    private long batch(SealedRawCopies.Kind kind, long afterId, int size, String actor, Tally tally)
            throws SQLException {
        long lastId = afterId;
        List<Long> changed = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(kind.pageQuery())) {
            query.setLong(1, afterId);
            query.setMaxRows(size);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    lastId = rs.getLong(1);
                    tally.examined++;
                    if (reseal(kind, lastId, Path.of(rs.getString(2)), rs.getString(3).strip(), tally)) {
                        changed.add(lastId);
                    }
                }
            }
        }
        if (!changed.isEmpty()) {
            trail.append(auditEvent(kind.label(), kind.target(changed.get(0)),
                    kind.target(changed.get(changed.size() - 1)), changed.size(), actor));
        }
        tally.reEncrypted += changed.size();
        return lastId;
    }

    /** @return whether the copy was re-sealed; false when it already was in the write form or could not be */
    private boolean reseal(SealedRawCopies.Kind kind, long id, Path copy, String sha256, Tally tally) {
        SealedRawCopies copies = new SealedRawCopies(copy.getParent(), cipher, kind);
        try {
            if (copies.inWriteForm(copy)) {
                return false;
            }
            copies.reseal(copy, sha256);
            return true;
        } catch (IOException | PayloadDecryptionException unreadable) {
            tally.unreadable(kind.target(id) + " (" + kind.label() + "): " + unreadable.getMessage());
            return false;
        }
    }

    /** The new stored form, or null when the payload stays as it is. */
    private byte[] reseal(StoredPayloadColumn column, long id, String bindingValue, byte[] stored, Tally tally) {
        if (cipher.isInWriteForm(stored)) {
            return null;
        }
        try {
            return cipher.reseal(stored, column.bindingOf(bindingValue));
        } catch (PayloadDecryptionException unreadable) {
            tally.unreadable(column.target(id) + " (" + column.label() + "): " + unreadable.getMessage());
            return null;
        }
    }

    private AuditEvent auditEvent(StoredPayloadColumn column, List<Long> ids, String actor) {
        return auditEvent(column.label(), column.target(ids.get(0)), column.target(ids.get(ids.size() - 1)),
                ids.size(), actor);
    }

    /** @param first the audit name of the first row changed ({@code error/3}); {@code last} that of the last */
    private AuditEvent auditEvent(String label, String first, String last, int count, String actor) {
        String target = count == 1 ? first : first + ".." + last.substring(last.lastIndexOf('/') + 1);
        String done = cipher.writeKeyId().map(id -> "re-encrypted under key id " + id)
                .orElse("decrypted to clear (encryption off)");
        return AuditEvent.of(actor, AuditAction.RE_ENCRYPT, clock.instant(), AuditSubject.NONE, target,
                AuditOutcome.SUCCESS, count + " payload(s) of " + label + " " + done);
    }

    private static final class Tally {
        long examined;
        long reEncrypted;
        long unreadableCount;
        final List<String> unreadable = new ArrayList<>();

        void unreadable(String line) {
            unreadableCount++;
            if (unreadable.size() < UNREADABLE_NAMED) {
                unreadable.add(line);
            }
        }
    }
}
