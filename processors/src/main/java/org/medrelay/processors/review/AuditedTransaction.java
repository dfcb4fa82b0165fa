package org.medrelay.processors.review;

import org.medrelay.processors.audit.AuditEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One change to the store and its audit entries in one transaction ({@link WorkItemAuditHook}); also the short
 * transaction of an entry for an action that changed nothing (refused, conflicting).
 */
final class AuditedTransaction {

    /** What a change did, and the audit entries that say so. */
    record Audited<T>(T result, List<AuditEvent> events) {

        static <T> Audited<T> of(T result, AuditEvent... events) {
            return new Audited<>(result, List.of(events));
        }
    }

    @FunctionalInterface
    interface Change<T> {
        Audited<T> apply(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final WorkItemAuditHook audit;

    AuditedTransaction(DataSource dataSource, WorkItemAuditHook audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** Runs the change, appends its entries and commits; on any failure, change and entries are rolled back. */
    <T> T commit(Change<T> change) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Audited<T> done = change.apply(c);
                audit.append(c, done.events());
                c.commit();
                return done.result();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** An entry on its own: the action it records changed nothing. */
    void record(AuditEvent event) throws SQLException {
        commit(c -> Audited.of(null, event));
    }
}
