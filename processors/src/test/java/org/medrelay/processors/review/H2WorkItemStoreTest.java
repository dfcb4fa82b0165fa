package org.medrelay.processors.review;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;

/** The work item store on H2, the embedded default. */
class H2WorkItemStoreTest extends WorkItemStoreContract {

    private HikariDataSource dataSource;

    @Override
    DataSource openStore() {
        dataSource = TestStores.h2("work-items");
        return dataSource;
    }

    @Override
    void closeStore() {
        dataSource.close();
    }
}
