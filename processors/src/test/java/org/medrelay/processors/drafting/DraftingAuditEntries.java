package org.medrelay.processors.drafting;

import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;

import java.sql.SQLException;
import java.util.List;

/** Every entry of a test store's audit trail, for the drafting audit checks. */
final class DraftingAuditEntries {

    private DraftingAuditEntries() {
    }

    static List<AuditEntry> of(AuditTrail trail) throws SQLException {
        return trail.page(AuditQuery.ALL, 0, 10_000);
    }
}
