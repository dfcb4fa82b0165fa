package org.medrelay.processors.review;

import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * The work item store on PostgreSQL, the production store: the PostgreSQL on 127.0.0.1:5432 (trust auth), in a
 * schema of its own per test, migrated by Flyway. Skipped, saying so, where no PostgreSQL is reachable.
 */
class PostgresWorkItemStoreTest extends WorkItemStoreContract {

    private TestStores.PostgresSchemaStore store;

    @Override
    DataSource openStore() throws SQLException {
        store = TestStores.postgresSchemaStore("medrelay_wi", "PostgreSQL work item store test");
        return store.dataSource();
    }

    @Override
    void closeStore() throws SQLException {
        if (store != null) {
            store.close();
        }
    }
}
