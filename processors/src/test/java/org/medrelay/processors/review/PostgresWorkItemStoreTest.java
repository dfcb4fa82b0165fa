package org.medrelay.processors.review;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The work item store on PostgreSQL, the production store: the PostgreSQL on 127.0.0.1:5432 (trust auth), in a
 * schema of its own per test, migrated by Flyway. Skipped, saying so, where no PostgreSQL is reachable.
 */
class PostgresWorkItemStoreTest extends WorkItemStoreContract {

    private String schema;
    private HikariDataSource dataSource;

    @Override
    DataSource openStore() throws SQLException {
        assumeTrue(TestStores.postgresReachable(), "PostgreSQL not reachable at 127.0.0.1:5432 (database "
                + TestStores.PG_DATABASE + ", user " + TestStores.PG_USER + "): PostgreSQL work item store test SKIPPED");
        schema = TestStores.newPostgresSchema("medrelay_wi");
        dataSource = TestStores.postgres(schema);
        return dataSource;
    }

    @Override
    void closeStore() throws SQLException {
        if (dataSource != null) {
            dataSource.close();
        }
        if (schema != null && TestStores.postgresReachable()) {
            TestStores.dropPostgresSchema(schema);
        }
    }
}
