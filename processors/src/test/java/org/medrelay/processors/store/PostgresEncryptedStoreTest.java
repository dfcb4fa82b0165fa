package org.medrelay.processors.store;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Encrypted payloads on PostgreSQL, the production store, in a schema of its own per test. Skipped, saying so,
 * where no PostgreSQL is reachable at 127.0.0.1:5432.
 */
class PostgresEncryptedStoreTest extends EncryptedStoreContract {

    private String schema;
    private HikariDataSource dataSource;

    @Override
    DataSource openStore() throws SQLException {
        assumeTrue(TestStores.postgresReachable(), "PostgreSQL not reachable at 127.0.0.1:5432 (database "
                + TestStores.PG_DATABASE + ", user " + TestStores.PG_USER + "): encrypted store test SKIPPED");
        schema = TestStores.newPostgresSchema("medrelay_st");
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
