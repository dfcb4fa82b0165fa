package org.medrelay.processors.audit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The audit trail on the production store: the PostgreSQL on 127.0.0.1:5432 (trust auth), in a schema of
 * its own per test; skipped, saying so, where no PostgreSQL is reachable.
 */
class PostgresAuditTrailTest extends AuditTrailContract {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = System.getProperty("medrelay.test.pg.database", "test");
    private static final String USER = System.getProperty("medrelay.test.pg.user", "postgres");

    private final String schema = "medrelay_audit_" + Long.toHexString(System.nanoTime());
    private HikariDataSource store;

    @BeforeEach
    void openStore() throws SQLException {
        assumeTrue(postgresReachable(), "PostgreSQL not reachable at 127.0.0.1:5432 (database " + DATABASE
                + ", user " + USER + "): PostgreSQL audit trail test SKIPPED");
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, USER, "");
             Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        store = StoreDataSources.openAndMigrate(new StoreSettings(SERVER + DATABASE + "?currentSchema=" + schema,
                USER, "", 10));
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (store != null) {
            store.close();
        }
        if (postgresReachable()) {
            try (Connection c = DriverManager.getConnection(SERVER + DATABASE, USER, "");
                 Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @Override
    DataSource store() {
        return store;
    }

    private static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(SERVER + DATABASE, USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
