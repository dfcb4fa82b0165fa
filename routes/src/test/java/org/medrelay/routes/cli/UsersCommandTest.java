package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.access.PasswordHashing;
import org.medrelay.processors.access.Role;
import org.medrelay.processors.access.UserAccount;
import org.medrelay.processors.access.UserAccounts;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `medrelay users add|list|disable|password|break-glass` and `medrelay work-items list` against the store of an
 * engine configured with --config, the password read from standard input as a provisioning script gives it.
 */
class UsersCommandTest {

    private static final String PASSWORD = "a long synthetic passphrase";

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private Path config;

    @BeforeEach
    void engineConfigAndOutput() throws Exception {
        config = dir.resolve("application.properties");
        Files.writeString(config, "medrelay.data.dir=" + dir.resolve("data").toString().replace('\\', '/') + "\n"
                + "medrelay.access.password-iterations=1000\n");
    }

    @Test
    void anAdminAccountIsMadeWithThePasswordFromStandardInputAndAudited() throws Exception {
        assertEquals(0, run(PASSWORD, "users", "add", "ana.admin", "--role", "admin"));
        try (HikariDataSource store = EngineStore.open(config)) {
            UserAccount account = new UserAccounts(store, new AuditTrail(store)).find("ana.admin").orElseThrow();
            assertEquals(Role.ADMIN, account.role());
            assertTrue(account.createdBy().startsWith("os:"));
            String hash = new UserAccounts(store, new AuditTrail(store)).passwordHash("ana.admin").orElseThrow();
            assertTrue(hash.startsWith("pbkdf2-sha256$1000$"), "the slow hash, never the password");
            assertTrue(new PasswordHashing(1000).matches(PASSWORD.toCharArray(), hash));
            assertEquals(AuditAction.ACCOUNT_CHANGE, newest(store).event().action());
        }
        assertEquals(1, run(PASSWORD, "users", "add", "ana.admin", "--role", "admin"), "one account per name");
        assertEquals(1, run("short", "users", "add", "kim.frontdesk", "--role", "front-desk"));
        assertEquals(1, run(PASSWORD, "users", "add", "kim.frontdesk", "--role", "nurse"));
    }

    @Test
    void accountsAreListedDisabledGivenNewPasswordsAndBreakGlass() throws Exception {
        run(PASSWORD, "users", "add", "kim.frontdesk", "--role", "front-desk");
        assertEquals(0, run("", "users", "disable", "kim.frontdesk"));
        streams.reset();
        assertEquals(0, run("", "users", "list"));
        String listed = streams.out();
        assertTrue(listed.contains("kim.frontdesk\tfront-desk\tdisabled"), listed);
        assertFalse(listed.contains(PASSWORD));

        assertEquals(1, run("", "users", "break-glass", "kim.frontdesk", "--reason", "outage"), "disabled first");
        assertEquals(0, run("", "users", "enable", "kim.frontdesk"));
        assertEquals(0, run("another long passphrase", "users", "password", "kim.frontdesk"));
        assertEquals(1, run("", "users", "break-glass", "kim.frontdesk", "--reason", "outage", "--minutes", "100000"));
        assertEquals(0, run("", "users", "break-glass", "kim.frontdesk", "--reason", "outage", "--minutes", "30"));
        try (HikariDataSource store = EngineStore.open(config)) {
            assertTrue(new UserAccounts(store, new AuditTrail(store)).find("kim.frontdesk").orElseThrow()
                    .breakGlassAt(Instant.now()));
            assertEquals(AuditAction.BREAK_GLASS, newest(store).event().action());
        }
        assertEquals(1, run("", "users", "disable", "nobody"));
    }

    @Test
    void workItemsAreListedFromTheStoreWhenTheEngineIsDown() throws Exception {
        assertEquals(0, run("", "work-items", "list", "--queue", "front-desk"));
        assertTrue(streams.out().startsWith("ID\tDUE\t"));
        assertTrue(streams.err().contains("0 work item(s)"));
    }

    private int run(String stdin, String... args) {
        streams.input(stdin + "\n");
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return MedRelayCli.execute(all);
    }

    private static AuditEntry newest(HikariDataSource store) throws Exception {
        List<AuditEntry> entries = new AuditTrail(store).newestFirst(AuditQuery.ALL, 1);
        return entries.get(0);
    }
}
