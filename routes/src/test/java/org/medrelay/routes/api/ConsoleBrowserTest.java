package org.medrelay.routes.api;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.access.Role;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemStatus;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in headless Chromium (Debian's chromium and chromium-driver): a front-desk person logs in, opens a
 * draft waiting in review mode, approves it, and sees it released; the draft reaches the workflow's endpoint.
 * Skipped, saying so, where chromium is not installed; CI installs it (.ci/run).
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static ApiTestEngine api;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "console browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed "
                        + "(apt-get install chromium chromium-driver; .ci/run does)");
        api = ApiTestEngine.start(dir.resolve("data"), Map.of("medrelay.workflow.eligibility.mode", "review"));
        api.addUser("kim.frontdesk", Role.FRONT_DESK);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aPersonLogsInApprovesADraftAndSeesItReleased() throws Exception {
        WorkItem item = api.draft("eligibility", WorkItemType.ELIGIBILITY_GAP, WorkQueue.FRONT_DESK);
        assertEquals(WorkItemStatus.OPEN, item.status(), "review mode: waits for a person");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);

        browser.get("http://127.0.0.1:" + api.port() + "/console/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("kim.frontdesk");
        browser.findElement(By.id("password")).sendKeys(ApiTestEngine.PASSWORD);
        browser.findElement(By.id("login-button")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-" + item.id()))).click();
        wait.until(ExpectedConditions.textToBe(By.id("item-status"), "OPEN"));
        assertEquals(item.suiteResult().draft().text(), browser.findElement(By.id("draft-text")).getAttribute("value"));
        assertTrue(browser.findElement(By.id("item-reasons")).getText().contains("271 EB01=6"));
        browser.findElement(By.id("approve-button")).click();

        wait.until(ExpectedConditions.textToBe(By.id("item-status"), "RELEASED"));
        assertEquals(WorkItemStatus.RELEASED, api.bean("workItemStore", WorkItemStore.class).get(item.id()).status());
        Exchange out = api.engine.camelContext().createConsumerTemplate().receive("seda:eligibility-out", 20_000);
        assertNotNull(out, "the release reached the eligibility endpoint");
        assertEquals(item.suiteResult().draft().text(), new String(out.getMessage().getBody(byte[].class),
                StandardCharsets.UTF_8));
        assertEquals("kim.frontdesk", api.audit(100).stream()
                .filter(e -> e.event().action() == AuditAction.APPROVE
                        && ("work-item/" + item.id()).equals(e.event().target()))
                .findFirst().orElseThrow().event().actor());

        browser.findElement(By.id("logout-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    }
}
