package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.access.PasswordHashing;
import org.medrelay.processors.access.Role;
import org.medrelay.processors.access.UserAccount;
import org.medrelay.processors.access.UserAccounts;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.routes.engine.EngineProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code medrelay users}: the accounts of the API and console, in the store of the engine this is run with. One
 * account per person, made here and nowhere else (the engine has no default account). Every change is audited under
 * the operating-system user who made it.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Accounts of the API and console (one per person), in the store of the engine whose data is in "
                + "./data (or as configured).")
final class UsersCommand {

    @Option(names = "--config", scope = ScopeType.INHERIT,
            description = "application.properties of the engine (default: ./application.properties if present)")
    Path config;

    @Command(name = "add", description = "Make an account. The password is asked for twice, or read as one line from "
            + "standard input when that is not a terminal.")
    int add(@Parameters(paramLabel = "NAME", description = "lower-case, e.g. kim.frontdesk") String name,
            @Option(names = "--role", required = true, description = "front-desk, billing, clinician or admin")
            String role) throws Exception {
        Role parsedRole = Role.fromCode(role);
        UserAccounts.requireValidUsername(name);
        EngineProperties props = props();
        char[] password = new PasswordInput(props.getInt("medrelay.access.min-password-length")).read();
        String hash = hashing(props).hash(password);
        try (HikariDataSource store = EngineStore.open(props)) {
            UserAccount account = accounts(store).add(name, parsedRole, hash, AuditActors.osUser(), Instant.now());
            System.out.println("account " + account.username() + " added, role " + account.role().code());
        }
        return CliErrors.EXIT_OK;
    }

    @Command(name = "list", description = "List accounts, tab-separated: name, role, state, failed logins, "
            + "break-glass until, break-glass reason, created, created by.")
    int list() throws Exception {
        try (HikariDataSource store = EngineStore.open(props())) {
            new AuditTrail(store).append(new AuditEvent(AuditActors.osUser(), AuditAction.READ, Instant.now(), null,
                    null, "user", AuditOutcome.SUCCESS, null, null));
            Instant now = Instant.now();
            System.out.println(TabSeparated.line("NAME", "ROLE", "STATE", "FAILED", "BREAK_GLASS_UNTIL",
                    "BREAK_GLASS_REASON", "CREATED", "CREATED_BY"));
            for (UserAccount a : accounts(store).list()) {
                String state = a.disabled() ? "disabled" : a.lockedAt(now) ? "locked" : "active";
                boolean glass = a.breakGlassAt(now);
                System.out.println(TabSeparated.line(a.username(), a.role().code(), state,
                        String.valueOf(a.failedLogins()), glass ? a.breakGlassUntil().toString() : null,
                        glass ? a.breakGlassReason() : null, a.createdAt().toString(), a.createdBy()));
            }
        }
        return CliErrors.EXIT_OK;
    }

    @Command(name = "disable", description = "Disable an account: its sessions end on their next request.")
    int disable(@Parameters(paramLabel = "NAME") String name) throws Exception {
        return setDisabled(name, true);
    }

    @Command(name = "enable", description = "Enable a disabled account again.")
    int enable(@Parameters(paramLabel = "NAME") String name) throws Exception {
        return setDisabled(name, false);
    }

    @Command(name = "password", description = "Set a new password (asked for twice, or one line of standard input); "
            + "also lifts a lockout.")
    int password(@Parameters(paramLabel = "NAME") String name) throws Exception {
        EngineProperties props = props();
        char[] password = new PasswordInput(props.getInt("medrelay.access.min-password-length")).read();
        String hash = hashing(props).hash(password);
        try (HikariDataSource store = EngineStore.open(props)) {
            if (!accounts(store).setPassword(name, hash, AuditActors.osUser(), Instant.now())) {
                return noSuchAccount(name);
            }
        }
        System.out.println("password of " + name + " changed");
        return CliErrors.EXIT_OK;
    }

    @Command(name = "break-glass", description = "Emergency access: for --minutes, the account may read and act on "
            + "every queue's work items. The grant, and every request made under it, is flagged in the audit trail.")
    int breakGlass(@Parameters(paramLabel = "NAME") String name,
                   @Option(names = "--reason", required = true, description = "why, for the review afterwards "
                           + "(kept with the account, not in the audit trail)") String reason,
                   @Option(names = "--minutes", defaultValue = "60") long minutes) throws Exception {
        EngineProperties props = props();
        long most = props.getLong("medrelay.access.break-glass-max-minutes");
        if (reason.isBlank() || minutes < 1 || minutes > most) {
            System.err.println("medrelay: break-glass needs a --reason and --minutes from 1 to " + most
                    + " (medrelay.access.break-glass-max-minutes)");
            return CliErrors.EXIT_FAILURE;
        }
        try (HikariDataSource store = EngineStore.open(props)) {
            UserAccounts accounts = accounts(store);
            UserAccount account = accounts.find(name).orElse(null);
            if (account == null || account.disabled()) {
                return account == null ? noSuchAccount(name) : disabledAccount(name);
            }
            Instant now = Instant.now();
            Instant until = now.plus(Duration.ofMinutes(minutes));
            accounts.grantBreakGlass(name, until, reason, AuditActors.osUser(), now);
            System.out.println("break-glass for " + name + " until " + until + ": every queue; each request flagged"
                    + " in the audit trail");
        }
        return CliErrors.EXIT_OK;
    }

    private int setDisabled(String name, boolean disabled) throws Exception {
        try (HikariDataSource store = EngineStore.open(props())) {
            if (!accounts(store).setDisabled(name, disabled, AuditActors.osUser(), Instant.now())) {
                return noSuchAccount(name);
            }
        }
        System.out.println("account " + name + (disabled ? " disabled" : " enabled"));
        return CliErrors.EXIT_OK;
    }

    private static int noSuchAccount(String name) {
        System.err.println("medrelay: no account named " + name);
        return CliErrors.EXIT_FAILURE;
    }

    private static int disabledAccount(String name) {
        System.err.println("medrelay: account " + name + " is disabled; `medrelay users enable " + name + "` first");
        return CliErrors.EXIT_FAILURE;
    }

    private EngineProperties props() {
        return EngineProperties.load(ConfigFiles.resolve(config));
    }

    private static PasswordHashing hashing(EngineProperties props) {
        return new PasswordHashing(props.getInt("medrelay.access.password-iterations"));
    }

    private static UserAccounts accounts(HikariDataSource store) {
        return new UserAccounts(store, new AuditTrail(store));
    }
}
