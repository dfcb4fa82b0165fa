package org.medrelay.processors.store;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The MedRelay store for the store tests, migrated by Flyway as the engine does: a fresh in-memory H2 database, or
 * a fresh schema in the PostgreSQL on 127.0.0.1:5432 (trust auth), dropped afterwards.
 */
final class StoreDatabases {

    static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String PG_DATABASE = System.getProperty("medrelay.test.pg.database", "test");
    static final String PG_USER = System.getProperty("medrelay.test.pg.user", "postgres");

    private StoreDatabases() {
    }

    static HikariDataSource h2() {
        return StoreDataSources.openAndMigrate(new StoreSettings(
                "jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
    }

    static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(PG_SERVER + PG_DATABASE, PG_USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static String newPostgresSchema() throws SQLException {
        String schema = "medrelay_st_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(PG_SERVER + PG_DATABASE, PG_USER, "");
             Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        return schema;
    }

    static HikariDataSource postgres(String schema) {
        return StoreDataSources.openAndMigrate(new StoreSettings(
                PG_SERVER + PG_DATABASE + "?currentSchema=" + schema, PG_USER, "", 4));
    }

    static void dropPostgresSchema(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_SERVER + PG_DATABASE, PG_USER, "");
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }
}
