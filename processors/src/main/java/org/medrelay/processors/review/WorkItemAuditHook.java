package org.medrelay.processors.review;

import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditTrail;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where work item changes and mode switches are audited. Called with the connection of the change itself, before
 * it commits, so a change and its audit entries commit together or not at all: a change the trail could not
 * record is rolled back, and an entry never names a change that did not happen.
 */
@FunctionalInterface
public interface WorkItemAuditHook {

    /** Appends within the caller's open transaction; throwing rolls the change back. */
    void append(Connection c, List<AuditEvent> events) throws SQLException;

    /** The engine's hash-chained audit trail. */
    static WorkItemAuditHook into(AuditTrail trail) {
        return trail::append;
    }
}
