package org.medrelay.processors.noshow;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;

/** The waitlist on the embedded default store. */
class H2WaitlistStoreTest extends WaitlistStoreContract {

    private HikariDataSource store;

    @Override
    DataSource openStore() {
        store = TestStores.h2("waitlist");
        return store;
    }

    @Override
    void closeStore() {
        store.close();
    }
}
