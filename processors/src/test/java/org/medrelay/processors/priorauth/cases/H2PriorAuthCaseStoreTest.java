package org.medrelay.processors.priorauth.cases;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;

/** The prior-auth case store on H2, the embedded default. */
class H2PriorAuthCaseStoreTest extends PriorAuthCaseStoreContract {

    private HikariDataSource dataSource;

    @Override
    DataSource openStore() {
        dataSource = TestStores.h2("prior-auth-cases");
        return dataSource;
    }

    @Override
    void closeStore() {
        dataSource.close();
    }
}
