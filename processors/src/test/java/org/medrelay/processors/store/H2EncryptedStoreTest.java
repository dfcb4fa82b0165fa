package org.medrelay.processors.store;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;

/** Encrypted payloads on the embedded default store, H2. */
class H2EncryptedStoreTest extends EncryptedStoreContract {

    private HikariDataSource dataSource;

    @Override
    DataSource openStore() {
        dataSource = StoreDatabases.h2();
        return dataSource;
    }

    @Override
    void closeStore() {
        dataSource.close();
    }
}
