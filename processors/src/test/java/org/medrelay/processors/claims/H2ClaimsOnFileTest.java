package org.medrelay.processors.claims;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;

/** Claims on file on the embedded H2 store. */
class H2ClaimsOnFileTest extends ClaimsOnFileContract {

    private HikariDataSource dataSource;

    @Override
    DataSource openStore() {
        dataSource = TestStores.h2("claims");
        return dataSource;
    }

    @Override
    void closeStore() {
        dataSource.close();
    }
}
