package org.medrelay.processors.claims;

import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Claims on file on PostgreSQL, the production store: the PostgreSQL on 127.0.0.1:5432 (trust auth), in a schema of
 * its own per test, migrated by Flyway. Skipped, saying so, where no PostgreSQL is reachable.
 */
class PostgresClaimsOnFileTest extends ClaimsOnFileContract {

    private TestStores.PostgresSchemaStore store;

    @Override
    DataSource openStore() throws SQLException {
        store = TestStores.postgresSchemaStore("medrelay_claims", "PostgreSQL claims on file test");
        return store.dataSource();
    }

    @Override
    void closeStore() throws SQLException {
        if (store != null) {
            store.close();
        }
    }
}
