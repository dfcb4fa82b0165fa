package org.medrelay.processors.testing;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The MedRelay store for tests, migrated by Flyway as the engine does: a fresh in-memory H2 database, or a fresh
 * schema in the PostgreSQL on 127.0.0.1:5432 (trust auth), dropped afterwards. Tests of the PostgreSQL store
 * check {@link #postgresReachable()} and say they were skipped where none runs.
 */
public final class TestStores {

    public static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String PG_DATABASE = System.getProperty("medrelay.test.pg.database", "test");
    public static final String PG_USER = System.getProperty("medrelay.test.pg.user", "postgres");

    private TestStores() {
    }

    /** A new in-memory H2 store; {@code label} names it in H2's own messages. */
    public static HikariDataSource h2(String label) {
        return StoreDataSources.openAndMigrate(new StoreSettings(
                "jdbc:h2:mem:" + label + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
    }

    public static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(PG_SERVER + PG_DATABASE, PG_USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A new, empty schema whose name starts with {@code prefix}. */
    public static String newPostgresSchema(String prefix) throws SQLException {
        String schema = prefix + "_" + Long.toHexString(System.nanoTime());
        execute("create schema " + schema);
        return schema;
    }

    /**
     * A migrated store in a new PostgreSQL schema, dropped on close; the test is skipped, saying so, where no
     * PostgreSQL runs. @param test names the test in the skip message
     */
    public static PostgresSchemaStore postgresSchemaStore(String prefix, String test) throws SQLException {
        Assumptions.assumeTrue(postgresReachable(), "PostgreSQL not reachable at 127.0.0.1:5432 (database "
                + PG_DATABASE + ", user " + PG_USER + "): " + test + " SKIPPED");
        String schema = newPostgresSchema(prefix);
        return new PostgresSchemaStore(schema, postgres(schema));
    }

    /** A store in a schema of its own; closing it closes the pool and drops the schema. */
    public record PostgresSchemaStore(String schema, HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            dataSource.close();
            dropPostgresSchema(schema);
        }
    }

    public static HikariDataSource postgres(String schema) {
        return StoreDataSources.openAndMigrate(new StoreSettings(
                PG_SERVER + PG_DATABASE + "?currentSchema=" + schema, PG_USER, "", 4));
    }

    public static void dropPostgresSchema(String schema) throws SQLException {
        execute("drop schema if exists " + schema + " cascade");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_SERVER + PG_DATABASE, PG_USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
