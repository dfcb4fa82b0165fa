package org.medrelay.processors.priorauth.cases;

import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;
import java.sql.SQLException;

/** The prior-auth case store on PostgreSQL, in a schema of its own; skipped, saying so, where none runs. */
class PostgresPriorAuthCaseStoreTest extends PriorAuthCaseStoreContract {

    private TestStores.PostgresSchemaStore store;

    @Override
    DataSource openStore() throws SQLException {
        store = TestStores.postgresSchemaStore("medrelay_pa", "PostgreSQL prior-auth case store test");
        return store.dataSource();
    }

    @Override
    void closeStore() throws SQLException {
        if (store != null) {
            store.close();
        }
    }
}
