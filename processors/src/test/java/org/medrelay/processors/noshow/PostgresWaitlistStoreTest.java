package org.medrelay.processors.noshow;

import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;
import java.sql.SQLException;

/** The waitlist on PostgreSQL, the production store; skipped, saying so, where none is reachable. */
class PostgresWaitlistStoreTest extends WaitlistStoreContract {

    private TestStores.PostgresSchemaStore store;

    @Override
    DataSource openStore() throws SQLException {
        store = TestStores.postgresSchemaStore("medrelay_wl", "PostgreSQL waitlist store test");
        return store.dataSource();
    }

    @Override
    void closeStore() throws SQLException {
        if (store != null) {
            store.close();
        }
    }
}
