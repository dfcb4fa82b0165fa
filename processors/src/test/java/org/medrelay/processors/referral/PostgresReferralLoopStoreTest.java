package org.medrelay.processors.referral;

import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;
import java.sql.SQLException;

/** The referral loops on PostgreSQL, the production store; skipped, saying so, where none is reachable. */
class PostgresReferralLoopStoreTest extends ReferralLoopStoreContract {

    private TestStores.PostgresSchemaStore store;

    @Override
    DataSource openStore() throws SQLException {
        store = TestStores.postgresSchemaStore("medrelay_rl", "PostgreSQL referral loop store test");
        return store.dataSource();
    }

    @Override
    void closeStore() throws SQLException {
        if (store != null) {
            store.close();
        }
    }
}
