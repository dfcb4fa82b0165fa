package org.medrelay.processors.store;

import com.zaxxer.hikari.HikariDataSource;

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
        assumeTrue(StoreDatabases.postgresReachable(), "PostgreSQL not reachable at 127.0.0.1:5432 (database "
                + StoreDatabases.PG_DATABASE + ", user " + StoreDatabases.PG_USER + "): encrypted store test SKIPPED");
        schema = StoreDatabases.newPostgresSchema();
        dataSource = StoreDatabases.postgres(schema);
        return dataSource;
    }

    @Override
    void closeStore() throws SQLException {
        if (dataSource != null) {
            dataSource.close();
        }
        if (schema != null && StoreDatabases.postgresReachable()) {
            StoreDatabases.dropPostgresSchema(schema);
        }
    }
}
