package org.medrelay.routes.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.access.Role;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who gets in, on the real engine over loopback HTTP: no anonymous request, the session cookie's flags, log off,
 * the idle timeout, lockout after failed logins, HTTP Basic for scripts, a disabled account, break-glass, and the
 * headers that keep the console's pages to themselves.
 */
class AccessSecurityTest {

    private static final int IDLE_SECONDS = 3;

    @TempDir
    static Path dataDir;

    private static ApiTestEngine api;

    @BeforeAll
    static void start() throws Exception {
        api = ApiTestEngine.start(dataDir, Map.of(
                "medrelay.http.session.idle-timeout-seconds", String.valueOf(IDLE_SECONDS),
                "medrelay.access.lockout-attempts", "3"));
        api.addUser("kim.frontdesk", Role.FRONT_DESK);
        api.addUser("lee.frontdesk", Role.FRONT_DESK);
        api.addUser("bo.billing", Role.BILLING);
        api.addUser("sam.frontdesk", Role.FRONT_DESK);
        api.addUser("pat.frontdesk", Role.FRONT_DESK);
        api.addUser("ana.admin", Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void everyEndpointRefusesAnonymousRequestsWith401AndAuditsThem() throws Exception {
        ApiClient anonymous = api.client();
        for (String path : List.of("/api/session", "/api/work-items", "/api/work-items/1", "/api/audit",
                "/api/scorecard", "/api/errors", "/api/nothing-here")) {
            ApiClient.Reply reply = anonymous.get(path);
            assertEquals(401, reply.status(), path);
            assertEquals("unauthenticated", reply.json().path("error").asText());
            assertNotNull(reply.header("WWW-Authenticate"), "scripts are told to use Basic");
        }
        for (String path : List.of("/api/work-items/1/approve", "/api/work-items/1/reject",
                "/api/work-items/1/reassign", "/api/errors/1/reprocess")) {
            assertEquals(401, anonymous.post(path, "{\"version\":1}").status(), path);
        }
        AuditEntry refused = entry(e -> "/api/errors/1/reprocess".equals(e.event().target()));
        assertEquals("anonymous", refused.event().actor());
        assertEquals(AuditAction.REPROCESS, refused.event().action());
        assertEquals(AuditOutcome.FAILURE, refused.event().outcome());
    }

    @Test
    void loginGivesAnHttpOnlyStrictCookieAndLogoffEndsTheSession() throws Exception {
        ApiClient kim = api.client();
        ApiClient.Reply login = kim.login("kim.frontdesk", ApiTestEngine.PASSWORD);
        assertEquals(200, login.status(), login.body());
        assertEquals("front-desk", login.json().path("role").asText());
        String cookie = login.header("Set-Cookie");
        assertTrue(cookie.startsWith("medrelay_session="), cookie);
        assertTrue(cookie.toLowerCase().contains("; httponly"), cookie + " (attribute names are case-insensitive)");
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertEquals("kim.frontdesk", entry(e -> e.event().action() == AuditAction.LOGIN
                && e.event().outcome() == AuditOutcome.SUCCESS && "kim.frontdesk".equals(e.event().actor()))
                .event().actor());
        assertEquals(200, kim.get("/api/session").status());

        assertEquals(204, kim.delete("/api/session").status());
        assertEquals(401, kim.get("/api/work-items").status(), "logged off");
        assertEquals("logged off", entry(e -> e.event().action() == AuditAction.LOGOUT
                && "kim.frontdesk".equals(e.event().actor())).event().reason());
    }

    @Test
    void anIdleSessionIsLoggedOff() throws Exception {
        ApiClient lee = api.loggedIn("lee.frontdesk");
        assertEquals(200, lee.get("/api/work-items").status());
        Thread.sleep(Duration.ofSeconds(IDLE_SECONDS).plusMillis(700).toMillis());

        assertEquals(401, lee.get("/api/work-items").status());
        assertEquals("idle timeout", entry(e -> e.event().action() == AuditAction.LOGOUT
                && "lee.frontdesk".equals(e.event().actor())).event().reason());
        assertTrue(entry(e -> e.event().outcome() == AuditOutcome.FAILURE && "anonymous".equals(e.event().actor())
                && "/api/work-items".equals(e.event().target())).event().reason().contains("idle timeout"));
    }

    @Test
    void anAccountIsLockedAfterTooManyFailedLogins() throws Exception {
        ApiClient guesser = api.client();
        for (int i = 0; i < 3; i++) {
            ApiClient.Reply wrong = guesser.login("sam.frontdesk", "not the password " + i);
            assertEquals(401, wrong.status());
            assertEquals("login-failed", wrong.json().path("error").asText());
        }
        ApiClient.Reply right = guesser.login("sam.frontdesk", ApiTestEngine.PASSWORD);
        assertEquals(401, right.status(), "locked: even the right password is refused");
        assertEquals("account locked after failed logins", entry(e -> e.event().action() == AuditAction.LOGIN
                && "sam.frontdesk".equals(e.event().actor())).event().reason());
        assertTrue(api.accounts().find("sam.frontdesk").orElseThrow().lockedAt(Instant.now()));

        assertEquals(401, guesser.login("nobody.here", "whatever").status());
        assertEquals("unknown user name", entry(e -> e.event().action() == AuditAction.LOGIN
                && "unidentified".equals(e.event().actor())).event().reason());
    }

    @Test
    void scriptsMayUseHttpBasicAndEachUseIsALogin() throws Exception {
        ApiClient script = api.client().withBasic("ana.admin", ApiTestEngine.PASSWORD);
        assertEquals(200, script.get("/api/errors").status());
        assertEquals("api-basic", entry(e -> e.event().action() == AuditAction.LOGIN
                && "ana.admin".equals(e.event().actor())).event().interfaceName());
        assertEquals(401, api.client().withBasic("ana.admin", "wrong password here").get("/api/errors").status());
    }

    @Test
    void aRoleWithoutPermissionGets403() throws Exception {
        ApiClient bo = api.loggedIn("bo.billing");
        assertEquals(403, bo.get("/api/audit").status());
        assertEquals(403, bo.get("/api/errors").status());
        assertEquals(403, bo.post("/api/errors/1/reprocess", "{}").status());
        assertEquals(403, bo.get("/api/work-items?queue=front-desk").status());
        assertEquals(200, bo.get("/api/scorecard").status());
        assertEquals("403 forbidden", entry(e -> "/api/audit".equals(e.event().target())
                && "bo.billing".equals(e.event().actor())).event().reason());
    }

    @Test
    void aDisabledAccountLosesItsSessionAtOnce() throws Exception {
        ApiClient pat = api.loggedIn("pat.frontdesk");
        assertEquals(200, pat.get("/api/work-items").status());
        api.accounts().setDisabled("pat.frontdesk", true, "os:test", Instant.now());

        assertEquals(401, pat.get("/api/work-items").status());
        assertEquals(401, api.client().login("pat.frontdesk", ApiTestEngine.PASSWORD).status());
    }

    @Test
    void breakGlassOpensEveryQueueAndFlagsEachRead() throws Exception {
        WorkItem billing = api.draft("denials", WorkItemType.DENIAL_WORKUP, WorkQueue.BILLING);
        ApiClient kim = api.loggedIn("kim.frontdesk");
        assertEquals(403, kim.get("/api/work-items/" + billing.id()).status());

        api.accounts().grantBreakGlass("kim.frontdesk", Instant.now().plus(Duration.ofMinutes(30)),
                "billing office closed, claims due", "os:test", Instant.now());
        assertEquals(200, kim.get("/api/work-items/" + billing.id()).status());
        assertEquals(403, kim.get("/api/audit").status(), "break-glass opens queues, not the audit trail");
        AuditEntry read = entry(e -> e.event().action() == AuditAction.READ
                && ("work-item/" + billing.id()).equals(e.event().target()));
        assertEquals("kim.frontdesk", read.event().actor());
        assertEquals("break-glass", read.event().reason());
        assertEquals(AuditOutcome.SUCCESS, entry(e -> e.event().action() == AuditAction.BREAK_GLASS).event().outcome());
        assertFalse(entry(e -> e.event().action() == AuditAction.BREAK_GLASS).event().reason().contains("billing"),
                "the typed reason stays with the account");
    }

    @Test
    void postsMustBeJsonSoOtherSitesCannotSubmitForms() throws Exception {
        ApiClient ana = api.loggedIn("ana.admin");
        ApiClient.Reply form = ana.postForm("/api/errors/1/reprocess", "x=1");
        assertEquals(415, form.status());
        assertEquals(415, api.client().postForm("/api/session", "username=ana.admin").status());
    }

    @Test
    void theConsoleIsServedWithAContentSecurityPolicy() throws Exception {
        ApiClient.Reply page = api.client().get("/console/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<form id=\"login-form\">"));
        assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, page.header("Content-Security-Policy"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals(200, api.client().get("/console/console.js").status());
        assertEquals(404, api.client().get("/console/../medrelay-defaults.properties").status());
        assertEquals(404, api.client().get("/console/logback.xml").status());
    }

    private static AuditEntry entry(Predicate<AuditEntry> which) throws Exception {
        return api.audit(1000).stream().filter(which).findFirst()
                .orElseThrow(() -> new AssertionError("no such audit entry"));
    }
}
