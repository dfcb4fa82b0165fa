package org.medrelay.processors.access;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditChainVerifier;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts and logins on the V4 schema, in H2 and in the PostgreSQL on 127.0.0.1:5432 (skipped where none runs):
 * the lockout after failed logins and its lifting, a disabled account, every attempt and change audited with the
 * chain intact.
 */
class PasswordLoginTest {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static final char[] PASSWORD = "synthetic passphrase 1".toCharArray();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void failedLoginsLockAnAccountUntilItsTimeOrANewPassword(String database) throws Exception {
        String schema = "medrelay_acct_" + Long.toHexString(System.nanoTime());
        try (HikariDataSource store = open(database, schema)) {
            AuditTrail trail = new AuditTrail(store);
            UserAccounts accounts = new UserAccounts(store, trail);
            PasswordHashing hashing = new PasswordHashing(1000);
            PasswordLogin login = new PasswordLogin(accounts, hashing, new LockoutPolicy(3, Duration.ofMinutes(15)),
                    trail);
            accounts.add("kim.frontdesk", Role.FRONT_DESK, hashing.hash(PASSWORD), "os:admin", T0);

            assertTrue(login.login("kim.frontdesk", PASSWORD, "test", T0).isPresent());
            for (int i = 0; i < 3; i++) {
                assertTrue(login.login("kim.frontdesk", "guess".toCharArray(), "test", T0).isEmpty());
            }
            assertTrue(login.login("kim.frontdesk", PASSWORD, "test", T0.plusSeconds(60)).isEmpty(), "locked");
            assertTrue(login.login("kim.frontdesk", PASSWORD, "test", T0.plus(Duration.ofMinutes(16))).isPresent(),
                    "the lockout ends by itself");

            for (int i = 0; i < 3; i++) {
                login.login("kim.frontdesk", "guess".toCharArray(), "test", T0.plus(Duration.ofMinutes(20)));
            }
            accounts.setPassword("kim.frontdesk", hashing.hash("new synthetic phrase".toCharArray()), "os:admin",
                    T0.plus(Duration.ofMinutes(21)));
            assertTrue(login.login("kim.frontdesk", "new synthetic phrase".toCharArray(), "test",
                    T0.plus(Duration.ofMinutes(22))).isPresent(), "an admin's reset lifts the lock");

            accounts.setDisabled("kim.frontdesk", true, "os:admin", T0.plus(Duration.ofMinutes(23)));
            assertTrue(login.login("kim.frontdesk", "new synthetic phrase".toCharArray(), "test",
                    T0.plus(Duration.ofMinutes(24))).isEmpty());

            List<AuditEntry> entries = trail.newestFirst(AuditQuery.ALL, 100);
            assertEquals("account disabled", entries.get(0).event().reason());
            assertEquals(AuditOutcome.FAILURE, entries.get(0).event().outcome());
            assertEquals(3 + 3 + 1, entries.stream().filter(e -> e.event().action() == AuditAction.LOGIN
                    && e.event().outcome() == AuditOutcome.FAILURE && !"account disabled".equals(e.event().reason()))
                    .count());
            assertEquals(3, entries.stream().filter(e -> e.event().action() == AuditAction.ACCOUNT_CHANGE).count());
            assertTrue(new AuditChainVerifier(store).verify().intact());
            assertFalse(entries.stream().anyMatch(e -> String.valueOf(e.event().reason()).contains("synthetic")),
                    "no password in the trail");
        } finally {
            if (database.equals("postgresql")) {
                try (Connection c = DriverManager.getConnection(PG, "postgres", "");
                     Statement s = c.createStatement()) {
                    s.execute("drop schema if exists " + schema + " cascade");
                }
            }
        }
    }

    private static HikariDataSource open(String database, String schema) throws SQLException {
        if (database.equals("h2")) {
            return StoreDataSources.openAndMigrate(new StoreSettings("jdbc:h2:mem:accounts-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
        }
        try (Connection c = DriverManager.getConnection(PG, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL on 127.0.0.1:5432 not reachable: " + e.getMessage());
        }
        return StoreDataSources.openAndMigrate(new StoreSettings(PG + "?currentSchema=" + schema, "postgres", "", 4));
    }
}
