package org.medrelay.processors.remittance;

import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * The remittance file store on PostgreSQL, the production store, in a schema of its own per test. Skipped, saying so,
 * where no PostgreSQL is reachable at 127.0.0.1:5432.
 */
class PostgresRemittanceFilesTest extends RemittanceFilesContract {

    private TestStores.PostgresSchemaStore store;

    @Override
    DataSource openStore() throws SQLException {
        store = TestStores.postgresSchemaStore("medrelay_rf", "remittance files test");
        return store.dataSource();
    }

    @Override
    void closeStore() throws SQLException {
        if (store != null) {
            store.close();
        }
    }
}
