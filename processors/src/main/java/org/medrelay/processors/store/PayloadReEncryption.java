package org.medrelay.processors.store;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.crypto.PayloadDecryptionException;

import javax.sql.DataSource;
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
 * <p>A payload that cannot be decrypted (altered, or its key is not configured) is left as it is and reported;
 * it does not stop the others.
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
            long afterId = 0;
            while (true) {
                long lastId = batch(column, afterId, batchSize, actor, tally);
                if (lastId == afterId) {
                    break;
                }
                afterId = lastId;
            }
        }
        return new Result(tally.examined, tally.reEncrypted, tally.unreadableCount, List.copyOf(tally.unreadable));
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

    /** The new stored form, or null when the payload stays as it is. */
    private byte[] reseal(StoredPayloadColumn column, long id, String bindingValue, byte[] stored, Tally tally) {
        if (cipher.isInWriteForm(stored)) {
            return null;
        }
        try {
            return cipher.reseal(stored, column.bindingOf(bindingValue));
        } catch (PayloadDecryptionException unreadable) {
            tally.unreadableCount++;
            if (tally.unreadable.size() < UNREADABLE_NAMED) {
                tally.unreadable.add(column.target(id) + " (" + column.label() + "): " + unreadable.getMessage());
            }
            return null;
        }
    }

    private AuditEvent auditEvent(StoredPayloadColumn column, List<Long> ids, String actor) {
        String target = column.target(ids.get(0)) + (ids.size() == 1 ? "" : ".." + ids.get(ids.size() - 1));
        String done = cipher.writeKeyId().map(id -> "re-encrypted under key id " + id)
                .orElse("decrypted to clear (encryption off)");
        return AuditEvent.of(actor, AuditAction.RE_ENCRYPT, clock.instant(), AuditSubject.NONE, target,
                AuditOutcome.SUCCESS, ids.size() + " payload(s) of " + column.label() + " " + done);
    }

    private static final class Tally {
        long examined;
        long reEncrypted;
        long unreadableCount;
        final List<String> unreadable = new ArrayList<>();
    }
}
