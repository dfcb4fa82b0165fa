package org.medrelay.sandbox.fhir;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Opens the pooled connection to the sandbox store and brings its schema up to date. */
final class SandboxDatabase {

    /** Our migrations; {@code db/migration} belongs to MedRelay's own store. */
    static final String MIGRATIONS = "classpath:db/sandbox-fhir";

    /**
     * A history table of our own, so the sandbox schema can share a database with another Flyway-managed
     * schema without either reading the other's history.
     */
    static final String HISTORY_TABLE = "sandbox_fhir_schema_history";

    /**
     * Writes of one resource type queue on that type's lock row (see {@link TypeWriteLock}). H2 gives up on a
     * row lock after one second by default, which a burst of conditional writes on a loaded machine can reach;
     * ten seconds rides out a burst and still fails a genuinely stuck writer.
     */
    private static final int H2_LOCK_TIMEOUT_MILLIS = 10_000;

    /** The migration that added the string and date index; rows for resources written before it come from a rebuild. */
    static final String STRING_AND_DATE_INDEX_VERSION = "2";

    /**
     * @param stringAndDateIndexAdded whether this start created the string and date index tables, so resources
     *                                already stored need their rows written ({@link SearchIndexRebuild})
     */
    record Opened(HikariDataSource dataSource, boolean stringAndDateIndexAdded) {
    }

    private SandboxDatabase() {
    }

    static Opened open(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("sandbox-fhir");
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            config.setConnectionInitSql("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MILLIS);
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    .load()
                    .migrate();
            boolean indexAdded = result.migrations.stream()
                    .anyMatch(migration -> STRING_AND_DATE_INDEX_VERSION.equals(migration.version));
            return new Opened(dataSource, indexAdded);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }
}
