package org.medrelay.routes.api;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.medrelay.processors.access.PasswordLogin;
import org.medrelay.processors.access.UserAccount;
import org.medrelay.processors.access.UserAccounts;
import org.medrelay.processors.audit.AuditAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Every {@code /api} request but the login itself must prove who makes it: the session cookie of a console login,
 * or HTTP Basic credentials (for scripts; each such request is a login, audited and counted towards the lockout).
 * The account is read again on every request, so disabling it or ending its break-glass grant applies at once.
 * Without valid credentials: 401, audited as a refused request by {@code anonymous}.
 */
final class CallerAuthentication implements Handler<RoutingContext> {

    static final String SESSION_COOKIE = "medrelay_session";
    /** The console sends it; a 401 without it carries the Basic challenge scripts expect. */
    static final String CONSOLE_HEADER = "X-MedRelay-Console";

    private static final Logger LOG = LoggerFactory.getLogger(CallerAuthentication.class);

    private final Sessions sessions;
    private final UserAccounts accounts;
    private final PasswordLogin login;
    private final ApiAudit audit;
    private final Clock clock;

    CallerAuthentication(Sessions sessions, UserAccounts accounts, PasswordLogin login, ApiAudit audit, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.login = login;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext context) {
        ApiExchange exchange = new ApiExchange(context);
        try {
            String refusal = "no credentials";
            Cookie cookie = context.request().getCookie(SESSION_COOKIE);
            if (cookie != null) {
                Sessions.Lookup session = sessions.find(cookie.getValue());
                if (session.endedBecause() != null) {
                    audit.succeeded(new Caller(session.session().username(), null, false), AuditAction.LOGOUT,
                            "session", session.endedBecause());
                }
                Optional<Caller> caller = session.active() ? callerOf(session.session().username()) : Optional.empty();
                if (caller.isPresent()) {
                    proceed(context, caller.get());
                    return;
                }
                refusal = session.endedBecause() != null ? "session ended: " + session.endedBecause() : "no session";
            }
            String authorization = context.request().getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                Optional<Caller> caller = basic(authorization.substring(6).trim());
                if (caller.isPresent()) {
                    proceed(context, caller.get());
                    return;
                }
                refusal = "basic credentials refused";
            }
            audit.refused(ApiAudit.ANONYMOUS, actionOf(context), ApiErrors.target(exchange), "401 " + refusal);
            if (context.request().getHeader(CONSOLE_HEADER) == null) {
                context.response().putHeader("WWW-Authenticate", "Basic realm=\"MedRelay API\", charset=\"UTF-8\"");
            }
            ApiProblem problem = ApiProblem.unauthenticated();
            ApiErrors.send(exchange, 401, problem.code(), problem.getMessage());
        } catch (Exception e) {
            LOG.error("Authenticating an API request failed: {}", e.getClass().getName());
            ApiErrors.send(exchange, 500, "internal-error", "Authentication failed; the engine log names the error class");
        }
    }

    /** The account as it is now: gone or disabled means the session no longer counts. */
    Optional<Caller> callerOf(String username) throws Exception {
        Optional<UserAccount> account = accounts.find(username);
        if (account.isEmpty() || account.get().disabled()) {
            sessions.endAllOf(username);
            return Optional.empty();
        }
        UserAccount a = account.get();
        return Optional.of(new Caller(a.username(), a.role(), a.breakGlassAt(clock.instant())));
    }

    private Optional<Caller> basic(String encoded) throws Exception {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        Optional<UserAccount> account = login.login(decoded.substring(0, colon),
                decoded.substring(colon + 1).toCharArray(), "api-basic", clock.instant());
        return account.isPresent() ? callerOf(account.get().username()) : Optional.empty();
    }

    private static void proceed(RoutingContext context, Caller caller) {
        context.put(ApiExchange.CALLER, caller);
        context.next();
    }

    /** What a refused request would have done, for its audit entry. */
    static AuditAction actionOf(RoutingContext context) {
        String path = context.normalizedPath();
        if (context.request().method() == HttpMethod.DELETE && path.equals("/api/session")) {
            return AuditAction.LOGOUT;
        }
        for (AuditAction action : new AuditAction[] {AuditAction.APPROVE, AuditAction.REJECT, AuditAction.REASSIGN,
                AuditAction.REPROCESS}) {
            if (path.endsWith("/" + action.name().toLowerCase())) {
                return action;
            }
        }
        return AuditAction.READ;
    }
}
