package org.medrelay.processors.drafting;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** A fresh in-memory H2 store, migrated as the engine does, for the drafting audit entries. */
final class DraftingTestStores {

    private DraftingTestStores() {
    }

    static HikariDataSource h2() {
        return StoreDataSources.openAndMigrate(new StoreSettings(
                "jdbc:h2:mem:drafting-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
    }

    static List<AuditEntry> entries(AuditTrail trail) throws SQLException {
        return trail.page(AuditQuery.ALL, 0, 10_000);
    }
}
