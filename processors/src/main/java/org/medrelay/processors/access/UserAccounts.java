package org.medrelay.processors.access;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditTrail;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The accounts of the people who use the API and console, in the MedRelay store ({@code user_account}). Every
 * change is appended to the audit trail in the change's own transaction ({@link AuditAction#ACCOUNT_CHANGE},
 * {@link AuditAction#BREAK_GLASS}, target {@code user/<name>}), so no account changes without a trace.
 */
public class UserAccounts {

    /** Lower-case letters, digits, '.', '_' and '-': one person's name, e.g. {@code kim.frontdesk}. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final String COLUMNS = "username, role, disabled, failed_logins, locked_until, break_glass_until,"
            + " break_glass_reason, created_at, created_by";

    /** One store change with the audit entry that records it. */
    @FunctionalInterface
    private interface Change {
        int apply(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final AuditTrail auditTrail;

    public UserAccounts(DataSource dataSource, AuditTrail auditTrail) {
        this.dataSource = dataSource;
        this.auditTrail = auditTrail;
    }

    public static String requireValidUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit, e.g. kim.frontdesk");
        }
        return username;
    }

    /** @throws IllegalStateException when the name is taken */
    public UserAccount add(String username, Role role, String passwordHash, String actor, Instant now)
            throws SQLException {
        requireValidUsername(username);
        if (find(username).isPresent()) {
            throw new IllegalStateException("there is already an account named " + username);
        }
        changeAudited(AuditAction.ACCOUNT_CHANGE, username, actor, now, "account added, role " + role.code(), c -> {
            try (PreparedStatement insert = c.prepareStatement("insert into user_account (username, role,"
                    + " password_hash, disabled, failed_logins, created_at, created_by, updated_at)"
                    + " values (?, ?, ?, false, 0, ?, ?, ?)")) {
                insert.setString(1, username);
                insert.setString(2, role.name());
                insert.setString(3, passwordHash);
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setString(5, actor);
                insert.setTimestamp(6, Timestamp.from(now));
                return insert.executeUpdate();
            }
        });
        return find(username).orElseThrow();
    }

    public Optional<UserAccount> find(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select " + COLUMNS + " from user_account where username = ?")) {
            query.setString(1, username);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public List<UserAccount> list() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select " + COLUMNS + " from user_account order by username");
             ResultSet rs = query.executeQuery()) {
            List<UserAccount> accounts = new ArrayList<>();
            while (rs.next()) {
                accounts.add(read(rs));
            }
            return accounts;
        }
    }

    /** The stored hash, for checking a password; empty for an unknown name. */
    public Optional<String> passwordHash(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select password_hash from user_account where username = ?")) {
            query.setString(1, username);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** @return false when there is no such account */
    public boolean setDisabled(String username, boolean disabled, String actor, Instant now) throws SQLException {
        return update(username, actor, now, disabled ? "account disabled" : "account enabled",
                "disabled = ?", disabled) == 1;
    }

    /** A new password also clears failed logins and a lockout: an admin reset is how a locked person gets back in. */
    public boolean setPassword(String username, String passwordHash, String actor, Instant now) throws SQLException {
        return update(username, actor, now, "password changed",
                "password_hash = ?, failed_logins = 0, locked_until = null", passwordHash) == 1;
    }

    /**
     * An emergency grant until {@code until}. The reason stays in the account row; the entry says one was given.
     *
     * @return false when there is no such account
     */
    public boolean grantBreakGlass(String username, Instant until, String reason, String actor, Instant now)
            throws SQLException {
        return changeAudited(AuditAction.BREAK_GLASS, username, actor, now,
                "break-glass granted until " + until + ", reason given", c -> {
                    try (PreparedStatement update = c.prepareStatement("update user_account set break_glass_until = ?,"
                            + " break_glass_reason = ?, updated_at = ? where username = ?")) {
                        update.setTimestamp(1, Timestamp.from(until));
                        update.setString(2, reason.strip());
                        update.setTimestamp(3, Timestamp.from(now));
                        update.setString(4, username);
                        return update.executeUpdate();
                    }
                }) == 1;
    }

    /** One more failed login; the account is locked when it reaches the policy's attempts. Not audited here. */
    public void recordFailedLogin(String username, LockoutPolicy policy, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("update user_account set failed_logins = failed_logins + 1,"
                     + " locked_until = case when failed_logins + 1 >= ? then ? else locked_until end where username = ?")) {
            update.setInt(1, policy.attempts());
            update.setTimestamp(2, Timestamp.from(now.plus(policy.lockout())));
            update.setString(3, username);
            update.executeUpdate();
        }
    }

    public void recordSuccessfulLogin(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "update user_account set failed_logins = 0, locked_until = null where username = ?")) {
            update.setString(1, username);
            update.executeUpdate();
        }
    }

    private int update(String username, String actor, Instant now, String what, String setClause, Object value)
            throws SQLException {
        return changeAudited(AuditAction.ACCOUNT_CHANGE, username, actor, now, what, c -> {
            try (PreparedStatement update = c.prepareStatement("update user_account set " + setClause
                    + ", updated_at = ? where username = ?")) {
                update.setObject(1, value);
                update.setTimestamp(2, Timestamp.from(now));
                update.setString(3, username);
                return update.executeUpdate();
            }
        });
    }

    /** The change and its entry commit together; a change that found no account is recorded as a failure. */
    private int changeAudited(AuditAction action, String username, String actor, Instant now, String what,
                              Change change) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int changed = change.apply(c);
                auditTrail.append(c, List.of(new AuditEvent(actor, action, now, null, null, "user/" + username,
                        changed == 1 ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                        changed == 1 ? what : "no such account", null)));
                c.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static UserAccount read(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getInt(4),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getString(7),
                instant(rs.getTimestamp(8)), rs.getString(9));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
