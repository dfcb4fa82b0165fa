package org.medrelay.processors.audit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;

import javax.sql.DataSource;
import java.util.UUID;

/** The audit trail on the embedded default store: H2, migrated by Flyway as the engine does. */
class H2AuditTrailTest extends AuditTrailContract {

    private HikariDataSource store;

    @BeforeEach
    void openStore() {
        store = StoreDataSources.openAndMigrate(new StoreSettings(
                "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 10));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    DataSource store() {
        return store;
    }
}
