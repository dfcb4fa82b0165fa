package org.medrelay.processors.review;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;

/** Work item auditing on H2, the embedded default. */
class H2WorkItemAuditTest extends WorkItemAuditContract {

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
