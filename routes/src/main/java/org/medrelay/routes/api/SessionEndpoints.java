package org.medrelay.routes.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import org.medrelay.processors.access.PasswordLogin;
import org.medrelay.processors.access.UserAccount;
import org.medrelay.processors.audit.AuditAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * {@code /api/session}: log in (POST, user name and password: an HttpOnly, SameSite=Strict cookie), who am I (GET),
 * log off (DELETE). Logins are audited by {@link PasswordLogin}, log-offs here.
 */
final class SessionEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(SessionEndpoints.class);
    private static final String LOGIN_FAILED = "Wrong user name or password, or the account is locked or disabled";

    private final Sessions sessions;
    private final PasswordLogin login;
    private final ApiAudit audit;
    private final boolean secureCookie;
    private final Clock clock;

    /** @param secureCookie the listener speaks TLS: the cookie is sent over HTTPS only */
    SessionEndpoints(Sessions sessions, PasswordLogin login, ApiAudit audit, boolean secureCookie, Clock clock) {
        this.sessions = sessions;
        this.login = login;
        this.audit = audit;
        this.secureCookie = secureCookie;
        this.clock = clock;
    }

    /** {@code POST /api/session} {@code {"username": ..., "password": ...}}; needs no credentials before. */
    Handler<RoutingContext> login() {
        return context -> {
            ApiExchange exchange = new ApiExchange(context);
            try {
                exchange.requireJsonIfPost();
                JsonNode body = exchange.body();
                String username = body.path("username").asText("");
                String password = body.path("password").asText("");
                Optional<UserAccount> account = login.login(username, password.toCharArray(), "api-session",
                        clock.instant());
                if (account.isEmpty()) {
                    ApiErrors.send(exchange, 401, "login-failed", LOGIN_FAILED);
                    return;
                }
                Sessions.Session session = sessions.start(account.get().username());
                context.response().addCookie(cookie(session.token()));
                exchange.ok(describe(account.get().username(), account.get().role().code(),
                        account.get().breakGlassAt(clock.instant())));
            } catch (ApiProblem problem) {
                ApiErrors.send(exchange, problem.status(), problem.code(), problem.getMessage());
            } catch (Exception e) {
                LOG.error("Login failed: {}", e.getClass().getName());
                ApiErrors.send(exchange, 500, "internal-error", "Login failed; the engine log names the error class");
            }
        };
    }

    /** {@code GET /api/session}: the account the request is made as, for the console. */
    void whoAmI(ApiExchange exchange) throws Exception {
        Caller caller = exchange.caller();
        audit.read(caller, "session", null);
        exchange.ok(describe(caller.username(), caller.role().code(), caller.breakGlass()));
    }

    /** {@code DELETE /api/session}: ends the session and clears the cookie. */
    Handler<RoutingContext> logout() {
        return context -> {
            ApiExchange exchange = new ApiExchange(context);
            try {
                Cookie cookie = context.request().getCookie(CallerAuthentication.SESSION_COOKIE);
                sessions.end(cookie == null ? null : cookie.getValue());
                audit.succeeded(exchange.caller(), AuditAction.LOGOUT, "session", "logged off");
                context.response().addCookie(cookie("").setMaxAge(0));
                exchange.noContent();
            } catch (Exception e) {
                LOG.error("Logout failed: {}", e.getClass().getName());
                ApiErrors.send(exchange, 500, "internal-error", "Logout failed; the engine log names the error class");
            }
        };
    }

    private ObjectNode describe(String username, String role, boolean breakGlass) {
        return ApiExchange.JSON.createObjectNode().put("username", username).put("role", role)
                .put("breakGlass", breakGlass).put("idleTimeoutSeconds", sessions.idleTimeout().toSeconds());
    }

    private Cookie cookie(String value) {
        return Cookie.cookie(CallerAuthentication.SESSION_COOKIE, value).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setPath("/").setSecure(secureCookie);
    }
}
