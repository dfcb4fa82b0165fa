package org.medrelay.processors.remittance;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;

/** The remittance file store on H2, the embedded default. */
class H2RemittanceFilesTest extends RemittanceFilesContract {

    private HikariDataSource store;

    @Override
    DataSource openStore() {
        store = TestStores.h2("remittance-files");
        return store;
    }

    @Override
    void closeStore() {
        store.close();
    }
}
