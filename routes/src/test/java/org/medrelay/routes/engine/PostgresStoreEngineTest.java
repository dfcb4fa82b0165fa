package org.medrelay.routes.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The production store configuration: the same engine with {@code medrelay.store.url} pointing at PostgreSQL.
 * Runs against the PostgreSQL on 127.0.0.1:5432 (trust auth) in a schema of its own; skipped, saying so,
 * where no PostgreSQL is reachable.
 */
class PostgresStoreEngineTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = System.getProperty("medrelay.test.pg.database", "test");
    private static final String USER = System.getProperty("medrelay.test.pg.user", "postgres");

    @TempDir
    Path dataDir;

    private final String schema = "medrelay_it_" + Long.toHexString(System.nanoTime());
    private MedRelayEngine engine;

    @BeforeEach
    void createSchema() throws SQLException {
        assumeTrue(postgresReachable(), "PostgreSQL not reachable at 127.0.0.1:5432 (database " + DATABASE
                + ", user " + USER + "): PostgreSQL store test SKIPPED");
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, USER, "");
             Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (engine != null) {
            engine.close();
        }
        if (postgresReachable()) {
            try (Connection c = DriverManager.getConnection(SERVER + DATABASE, USER, "");
                 Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @Test
    void engineOnPostgresMigratesTheSchemaAndLogsProcessedMessages() throws Exception {
        int mllpPort = TestEngines.freePort();
        engine = new MedRelayEngine(TestEngines.embedded(dataDir, mllpPort, TestEngines.freePort(), Map.of(
                "medrelay.store.url", SERVER + DATABASE + "?currentSchema=" + schema,
                "medrelay.store.user", USER))).start();

        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, Duration.ofSeconds(20))) {
            AckSummary ack = AckSummary.of(client.send(Hl7MllpIngestTest.adtA04("PG1", "MRN-PG1", "Postgrescase")
                    .getBytes(StandardCharsets.UTF_8)));
            assertEquals("AA", ack.code());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Optional<MessageStatus> status = Optional.empty();
        while (System.nanoTime() < deadline && status.filter(MessageStatus.PROCESSED::equals).isEmpty()) {
            status = engine.messageLog().statusOf("REGADT|MRH_CLINIC|PG1");
            Thread.sleep(50);
        }
        assertEquals(Optional.of(MessageStatus.PROCESSED), status);
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE + "?currentSchema=" + schema, USER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select message_type, status from hl7_message where control_id = 'PG1'")) {
            rs.next();
            assertEquals("ADT^A04", rs.getString(1), "the message log lives in the PostgreSQL schema");
            assertEquals("PROCESSED", rs.getString(2));
        }
    }

    private static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(SERVER + DATABASE, USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
