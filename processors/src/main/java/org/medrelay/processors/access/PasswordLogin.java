package org.medrelay.processors.access;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditTrail;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a user name and password, counts failures towards the lockout, and records every attempt in the audit
 * trail ({@link AuditAction#LOGIN}, success or failure with why). The caller learns only whether it worked: an
 * unknown name, a wrong password, a locked and a disabled account all look the same from outside, and take as
 * long (an unknown name is checked against a decoy hash).
 */
public class PasswordLogin {

    /** Named in the trail instead of a user name that matches no account: what was typed may be anything. */
    static final String UNKNOWN_USER = "unidentified";

    private final UserAccounts accounts;
    private final PasswordHashing hashing;
    private final LockoutPolicy lockout;
    private final AuditTrail auditTrail;
    private final String decoyHash;

    public PasswordLogin(UserAccounts accounts, PasswordHashing hashing, LockoutPolicy lockout, AuditTrail auditTrail) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.lockout = lockout;
        this.auditTrail = auditTrail;
        this.decoyHash = hashing.decoy();
    }

    /**
     * @param via how the person logged in, for the trail's interface column: {@code api-session}, {@code api-basic}
     * @return the account when the password is right and the account may log in now
     */
    public Optional<UserAccount> login(String username, char[] password, String via, Instant now) throws SQLException {
        Optional<UserAccount> found = username == null ? Optional.empty() : accounts.find(username);
        String stored = found.isPresent() ? accounts.passwordHash(username).orElse(decoyHash) : decoyHash;
        boolean passwordRight = hashing.matches(password, stored) && found.isPresent();
        if (found.isEmpty()) {
            record(UNKNOWN_USER, via, now, AuditOutcome.FAILURE, "unknown user name");
            return Optional.empty();
        }
        UserAccount account = found.get();
        String refusal = account.disabled() ? "account disabled"
                : account.lockedAt(now) ? "account locked after failed logins"
                : passwordRight ? null : "wrong password";
        if (refusal != null) {
            if (!passwordRight) {
                accounts.recordFailedLogin(username, lockout, now);
            }
            record(username, via, now, AuditOutcome.FAILURE, refusal);
            return Optional.empty();
        }
        accounts.recordSuccessfulLogin(username);
        record(username, via, now, AuditOutcome.SUCCESS, account.breakGlassAt(now) ? "break-glass active" : null);
        return Optional.of(account);
    }

    private void record(String actor, String via, Instant now, AuditOutcome outcome, String reason)
            throws SQLException {
        auditTrail.append(new AuditEvent(actor, AuditAction.LOGIN, now, null, null, "session", outcome, reason, via));
    }
}
