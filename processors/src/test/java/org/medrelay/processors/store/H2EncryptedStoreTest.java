package org.medrelay.processors.store;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;

/** Encrypted payloads on the embedded default store, H2. */
class H2EncryptedStoreTest extends EncryptedStoreContract {

    private HikariDataSource dataSource;

    @Override
    DataSource openStore() {
        dataSource = TestStores.h2("store");
        return dataSource;
    }

    @Override
    void closeStore() {
        dataSource.close();
    }
}
