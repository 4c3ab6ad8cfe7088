package app.todo.bootstrap;

import app.todo.adapter.out.persistence.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The two browser pages and CORS in a real browser: Debian's headless Chromium, driven by Selenium
 * through Debian's chromedriver (given explicitly, so Selenium Manager never runs and nothing is
 * downloaded), against the real service on PostgreSQL. {@code .ci/run} installs both; without them
 * this test fails and says so. Screenshots go to {@code target/screenshots/} (one per page on success,
 * {@code failure-*.png} on failure).
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";
    /** Records every Content-Security-Policy violation of a page, before the page's own scripts run. */
    private static final String CSP_WATCH = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
            + "e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    private static RunningService service;
    private static String databaseUrl;
    private static HttpServer allowedSite;
    private static HttpServer otherSite;

    private Path profile;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                fail(binary + " is missing (Debian: apt-get install chromium chromium-driver; .ci/run installs them):"
                        + " the browser tests drive the real Chromium and never download one");
            }
        }
        allowedSite = site();
        otherSite = site();
        databaseUrl = RunningService.databaseUrl(TestPostgres.newDatabase());
        service = RunningService.start(Map.of(
                "DATABASE_URL", databaseUrl,
                "CORS_ORIGINS", origin(allowedSite)));
        // The driver path given explicitly (service and property): Selenium Manager is skipped, never downloads.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        Stream.of(allowedSite, otherSite).filter(s -> s != null).forEach(s -> s.stop(0));
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("todo-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        // A driver process per browser: quitting the browser stops it.
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(driverService, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_WATCH));
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    // ------------------------------------------------------------------ the app at /

    @Test
    void theTodoAppSignsUpManagesTasksSurvivesAConflictAndSignsOut(TestInfo test) {
        inBrowser(test, () -> {
            driver.get(url("/"));
            waitUntil("the app started", d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertTrue(driver.findElement(By.linkText("API docs")).getDomAttribute("href").endsWith("/docs"));
            screenshot("app-1-signed-out");

            String email = "ada-" + UUID.randomUUID() + "@example.com";
            type(By.id("sign-up-name"), "Ada");
            type(By.id("sign-up-email"), email);
            type(By.id("sign-up-password"), PASSWORD);
            driver.findElement(By.cssSelector("#sign-up-form button[type=submit]")).click();
            waitUntil("the task list shows", d -> d.findElement(By.id("tasks")).isDisplayed());
            assertEquals(email, driver.findElement(By.id("who")).getText());
            JsonNode session = session();
            String token = session.get("token").asText();
            String tasks = "/api/" + session.get("user").get("id").asText() + "/tasks";

            create("Buy milk", "", "high", "2026-12-01", "home, errands");
            create("Write report", "Quarterly numbers", "medium", "", "work");
            create("Call plumber", "", "low", "2026-12-03", "home");
            waitForTitles("Call plumber", "Write report", "Buy milk");
            WebElement milk = task("Buy milk");
            assertTrue(milk.getText().contains("Due 2026-12-01"), milk.getText());
            assertEquals(List.of("home", "errands"), milk.findElements(By.cssSelector(".tag")).stream().map(WebElement::getText).toList());
            assertEquals("high", milk.findElement(By.cssSelector(".priority")).getText());
            scrollTo(driver.findElement(By.id("summary")));
            screenshot("app-2-three-tasks");

            // Filters and search, as the list route takes them.
            type(By.id("filter-tag"), "home");
            apply();
            waitForTitles("Call plumber", "Buy milk");
            type(By.id("filter-tag"), "");
            new Select(driver.findElement(By.id("filter-priority"))).selectByValue("high");
            apply();
            waitForTitles("Buy milk");
            new Select(driver.findElement(By.id("filter-priority"))).selectByValue("");
            driver.findElement(By.id("filter-q")).sendKeys("quarterly", Keys.ENTER); // the keyboard submits too
            waitForTitles("Write report");
            type(By.id("filter-q"), "");

            // Sort and page: two a page, by title.
            new Select(driver.findElement(By.id("filter-sort"))).selectByValue("title");
            new Select(driver.findElement(By.id("filter-order"))).selectByValue("asc");
            new Select(driver.findElement(By.id("filter-limit"))).selectByValue("2");
            apply();
            waitForTitles("Buy milk", "Call plumber");
            assertEquals("Showing 1–2 of 3 tasks.", driver.findElement(By.id("summary")).getText());
            driver.findElement(By.id("next-page")).click();
            waitForTitles("Write report");
            assertEquals("Showing 3–3 of 3 tasks.", driver.findElement(By.id("summary")).getText());
            assertTrue(!driver.findElement(By.id("next-page")).isEnabled());
            driver.findElement(By.id("previous-page")).click();
            waitForTitles("Buy milk", "Call plumber");
            new Select(driver.findElement(By.id("filter-limit"))).selectByValue("10");
            apply();
            waitForTitles("Buy milk", "Call plumber", "Write report");

            // Edit.
            task("Write report").findElement(By.cssSelector("button.edit")).click();
            WebElement form = waitForEditForm();
            type(form.findElement(By.name("title")), "Write the report");
            new Select(form.findElement(By.name("priority"))).selectByValue("high");
            form.findElement(By.cssSelector("button.save")).click();
            waitForMessage("Saved “Write the report”.");
            waitForTitles("Buy milk", "Call plumber", "Write the report");
            assertEquals("high", task("Write the report").findElement(By.cssSelector(".priority")).getText());

            // A stale edit: the task changes through the API while the page holds the old version.
            WebElement milkItem = task("Buy milk");
            String milkId = milkItem.getDomAttribute("data-task-id");
            milkItem.findElement(By.cssSelector("button.edit")).click();
            form = waitForEditForm();
            HttpResponse<String> elsewhere = service.send("PUT", tasks + "/" + milkId, token, "{\"title\":\"Buy oat milk\"}");
            assertEquals(200, elsewhere.statusCode(), elsewhere::body);
            type(form.findElement(By.name("title")), "Buy soy milk");
            form.findElement(By.cssSelector("button.save")).click();
            waitForMessage("This task was changed elsewhere — reloaded.");
            waitUntil("the form shows the stored title",
                    d -> d.findElement(By.cssSelector(".edit-form input[name=title]")).getDomProperty("value").equals("Buy oat milk"));
            assertTrue(driver.findElement(By.cssSelector(".edit-form .notice")).getText()
                    .startsWith("This task was changed elsewhere — reloaded."), "the form itself says why it changed");
            screenshot("app-3-conflict");
            form = waitForEditForm();
            type(form.findElement(By.name("title")), "Buy soy milk");
            form.findElement(By.cssSelector("button.save")).click();
            waitForMessage("Saved “Buy soy milk”.");
            waitForTitles("Buy soy milk", "Call plumber", "Write the report");

            // Toggle complete, then see it under "completed".
            task("Call plumber").findElement(By.cssSelector("input.toggle")).click();
            waitForMessage("Completed “Call plumber”.");
            waitUntil("the task shows as done", d -> task("Call plumber").getDomAttribute("class").contains("done"));
            new Select(driver.findElement(By.id("filter-status"))).selectByValue("completed");
            apply();
            waitForTitles("Call plumber");
            new Select(driver.findElement(By.id("filter-status"))).selectByValue("all");
            apply();
            waitForTitles("Buy soy milk", "Call plumber", "Write the report");

            // Delete.
            task("Call plumber").findElement(By.cssSelector("button.delete")).click();
            waitForMessage("Deleted “Call plumber”.");
            waitForTitles("Buy soy milk", "Write the report");
            assertEquals("2", service.send("GET", tasks, token, null).headers().firstValue("X-Total-Count").orElseThrow());

            // Readable on a phone: nothing wider than the screen.
            driver.manage().window().setSize(new Dimension(390, 844));
            waitUntil("the page fits a phone's width", d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth"));
            scrollTo(driver.findElement(By.id("summary")));
            screenshot("app-4-phone");
            driver.manage().window().setSize(new Dimension(1280, 900));

            String pageToken = (String) ((JavascriptExecutor) driver).executeScript(
                    "return JSON.parse(sessionStorage.getItem('todo.session')).token");
            driver.findElement(By.id("sign-out")).click();
            waitUntil("the sign-in form shows", d -> d.findElement(By.id("auth")).isDisplayed());
            assertTrue(!driver.findElement(By.id("tasks")).isDisplayed());
            assertEquals(null, ((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('todo.session')"));
            assertEquals(401, service.send("GET", tasks, pageToken, null).statusCode(),
                    "signing out ends the session on the server, not just in the tab");

            // Back in with the keyboard alone: Enter in the password field submits.
            type(By.id("sign-in-email"), email);
            driver.findElement(By.id("sign-in-password")).sendKeys(PASSWORD, Keys.ENTER);
            waitForMessage("Signed in as " + email + ".");
            waitForTitles("Buy soy milk", "Write the report");
            driver.findElement(By.id("sign-out")).click();
            waitUntil("the sign-in form shows again", d -> d.findElement(By.id("auth")).isDisplayed());
            assertNoCspViolations();
        });
    }

    // ------------------------------------------------------------------ the explorer at /docs

    @Test
    void theExplorerAuthorizesWithATokenAndRunsTheListRoute(TestInfo test) throws Exception {
        JsonNode account = signUpThroughTheApi();
        String token = account.get("token").asText();
        String userId = account.get("user").get("id").asText();
        service.send("POST", "/api/" + userId + "/tasks", token, "{\"title\":\"Seen from the docs\"}");

        inBrowser(test, () -> {
            driver.get(url("/docs"));
            WebElement authorize = waitFor(By.cssSelector(".swagger-ui .auth-wrapper button.authorize"));
            assertTrue(driver.findElement(By.cssSelector(".swagger-ui .info .title")).getText().startsWith("Todo API"));
            screenshot("docs-1-loaded");

            authorize.click();
            waitFor(By.cssSelector(".swagger-ui .modal-ux"));
            List<WebElement> schemes = driver.findElements(By.cssSelector(".swagger-ui .modal-ux .auth-container"));
            assertTrue(!schemes.isEmpty());
            for (int i = 0; i < schemes.size(); i++) {
                WebElement scheme = driver.findElements(By.cssSelector(".swagger-ui .modal-ux .auth-container")).get(i);
                scheme.findElement(By.cssSelector("input")).sendKeys(token);
                scheme.findElement(By.cssSelector("button.authorize")).click();
            }
            driver.findElement(By.cssSelector(".swagger-ui .modal-ux button.btn-done")).click();

            WebElement operation = waitFor(By.id("operations-tasks-listTasks"));
            operation.findElement(By.cssSelector(".opblock-summary-control")).click();
            waitFor(By.cssSelector("#operations-tasks-listTasks button.try-out__btn")).click();
            WebElement userIdField = waitFor(By.cssSelector("#operations-tasks-listTasks tr[data-param-name='user_id'] input"));
            userIdField.sendKeys(userId);
            driver.findElement(By.cssSelector("#operations-tasks-listTasks button.execute")).click();
            WebElement status = waitFor(By.cssSelector("#operations-tasks-listTasks .live-responses-table tr.response .response-col_status"));
            waitUntil("the call answered", d -> !status.getText().isBlank());
            assertEquals("200", status.getText().strip());
            assertTrue(driver.findElement(By.cssSelector("#operations-tasks-listTasks .live-responses-table")).getText()
                    .contains("Seen from the docs"));
            scrollTo(status);
            screenshot("docs-2-executed");
            assertNoCspViolations();
        });
    }

    // ------------------------------------------------------------------ CORS from another origin

    @Test
    void anAllowedOriginCallsTheApiAndAnotherIsRefused(TestInfo test) throws Exception {
        JsonNode account = signUpThroughTheApi();
        String token = account.get("token").asText();
        String tasks = "/api/" + account.get("user").get("id").asText() + "/tasks";
        // A POST with a bearer token and a JSON body: the browser preflights it.
        String call = """
                const [api, token, done] = arguments;
                const headers = {Authorization: 'Bearer ' + token, 'Content-Type': 'application/json'};
                fetch(api, {method: 'POST', headers, body: JSON.stringify({title: 'from ' + location.origin})})
                  .then(async created => {
                    const list = await fetch(api, {headers});
                    done('created ' + created.status + ', listed ' + list.status + ', total ' + list.headers.get('X-Total-Count'));
                  })
                  .catch(error => done('refused: ' + error.name));
                """;

        inBrowser(test, () -> {
            driver.get(origin(allowedSite) + "/");
            assertEquals("created 201, listed 200, total 1", driver.executeAsyncScript(call, url(tasks), token));
            screenshot("cors-1-allowed-origin");

            driver.get(origin(otherSite) + "/");
            assertEquals("refused: TypeError", driver.executeAsyncScript(call, url(tasks), token));
            screenshot("cors-2-other-origin");
        });
        HttpResponse<String> list = service.send("GET", tasks, token, null);
        assertEquals("1", list.headers().firstValue("X-Total-Count").orElseThrow(), "the refused origin created nothing");
    }

    /**
     * Two windows of one user: a change made in one appears in the other without a reload, through the live
     * stream; after the service restarts, the page reconnects by itself and follows again.
     */
    @Test
    void aChangeInOneWindowAppearsInTheOtherAndThePageReconnectsAfterARestart(TestInfo test) {
        inBrowser(test, () -> {
            String email = "two-" + UUID.randomUUID() + "@example.com";
            driver.get(url("/"));
            waitUntil("the app started", d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            type(By.id("sign-up-email"), email);
            type(By.id("sign-up-password"), PASSWORD);
            driver.findElement(By.cssSelector("#sign-up-form button[type=submit]")).click();
            waitUntil("the first window follows", d -> d.findElement(By.id("live")).isDisplayed());
            String first = driver.getWindowHandle();

            driver.switchTo().newWindow(org.openqa.selenium.WindowType.WINDOW);
            driver.get(url("/"));
            waitUntil("the second window started", d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            type(By.id("sign-in-email"), email);
            driver.findElement(By.id("sign-in-password")).sendKeys(PASSWORD, Keys.ENTER);
            waitUntil("the second window follows", d -> d.findElement(By.id("live")).isDisplayed());
            String second = driver.getWindowHandle();

            driver.switchTo().window(first);
            type(By.id("new-title"), "Made in the first window");
            driver.findElement(By.cssSelector("#create-form button[type=submit]")).click();
            waitForMessage("Added “Made in the first window”.");

            driver.switchTo().window(second);
            waitForTitles("Made in the first window");

            int port = service.port();
            service.close();
            service = RunningService.start(Map.of("DATABASE_URL", databaseUrl, "CORS_ORIGINS", origin(allowedSite),
                    "PORT", String.valueOf(port)));
            JsonNode session = session();
            assertEquals(201, service.send("POST", "/api/" + session.get("user").get("id").asText() + "/tasks",
                    session.get("token").asText(), "{\"title\":\"Made after the restart\"}").statusCode());
            waitForTitles("Made after the restart", "Made in the first window");
            waitUntil("the second window follows again", d -> d.findElement(By.id("live")).isDisplayed());
            screenshot("app-live-second-window");
            assertTrue(!"error".equals(driver.findElement(By.id("message")).getDomAttribute("class")),
                    () -> "the restart showed no error: " + driver.findElement(By.id("message")).getText());
            driver.switchTo().window(first); // the CSP watch is installed in the first window's target only
            waitForTitles("Made after the restart", "Made in the first window");
            assertNoCspViolations();
        });
    }

    // ------------------------------------------------------------------ helpers

    private interface BrowserSteps {
        void run() throws Exception;
    }

    /** Runs the steps, saving a screenshot of the page as it was when they failed. */
    private void inBrowser(TestInfo test, BrowserSteps steps) {
        try {
            steps.run();
        } catch (Throwable failure) {
            String name = "failure-" + test.getTestMethod().map(m -> m.getName()).orElse("test");
            try {
                screenshot(name);
                failure.addSuppressed(new AssertionError("screenshot: " + SCREENSHOTS.resolve(name + ".png").toAbsolutePath()
                        + "; page text: " + driver.findElement(By.tagName("body")).getText()));
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            if (failure instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new AssertionError(failure);
        }
    }

    private void screenshot(String name) {
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot " + name, e);
        }
    }

    private void scrollTo(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    private void assertNoCspViolations() {
        assertEquals(List.of(), driver.executeScript("return window.__cspViolations"),
                "the page broke its own Content-Security-Policy");
    }

    private void create(String title, String description, String priority, String due, String tags) {
        int before = driver.findElements(By.cssSelector("#task-list li")).size();
        type(By.id("new-title"), title);
        WebElement more = driver.findElement(By.cssSelector("#create-form details"));
        if (more.getDomProperty("open").equals("false")) {
            more.findElement(By.tagName("summary")).click();
        }
        type(By.id("new-description"), description);
        new Select(driver.findElement(By.id("new-priority"))).selectByValue(priority);
        // A date input's typed form follows the browser's locale; its value is always YYYY-MM-DD.
        driver.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id("new-due")), due);
        type(By.id("new-tags"), tags);
        driver.findElement(By.cssSelector("#create-form button[type=submit]")).click();
        waitForMessage("Added “" + title + "”.");
        waitUntil("the new task is listed", d -> d.findElements(By.cssSelector("#task-list li")).size() == before + 1);
    }

    private void apply() {
        driver.findElement(By.cssSelector("#filter-form button[type=submit]")).click();
    }

    private void type(By field, String text) {
        type(driver.findElement(field), text);
    }

    private static void type(WebElement field, String text) {
        field.clear();
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    private WebElement task(String title) {
        return driver.findElement(By.xpath("//ul[@id='task-list']/li[.//label[contains(@class,'task-title') and normalize-space()='"
                + title + "']]"));
    }

    private WebElement waitForEditForm() {
        return waitFor(By.cssSelector("#task-list form.edit-form"));
    }

    private void waitForTitles(String... titles) {
        List<String> expected = List.of(titles);
        try {
            waitUntil("titles " + expected, d -> d.findElements(By.cssSelector("#task-list .task-title")).stream()
                    .map(WebElement::getText).toList().equals(expected));
        } catch (RuntimeException e) {
            throw new AssertionError("expected the list " + expected + ", saw " + driver.findElements(By.cssSelector("#task-list .task-title"))
                    .stream().map(WebElement::getText).toList() + "; message: " + driver.findElement(By.id("message")).getText(), e);
        }
    }

    private void waitForMessage(String start) {
        try {
            waitUntil("the message " + start, d -> d.findElement(By.id("message")).getText().startsWith(start));
        } catch (RuntimeException e) {
            throw new AssertionError("expected a message starting with \"" + start + "\", saw \""
                    + driver.findElement(By.id("message")).getText() + "\"", e);
        }
    }

    private WebElement waitFor(By locator) {
        return wait.withMessage(locator.toString()).until(d -> {
            WebElement element = d.findElement(locator);
            return element.isDisplayed() ? element : null;
        });
    }

    private void waitUntil(String what, ExpectedCondition<Boolean> condition) {
        wait.withMessage(what).until(condition);
    }

    private JsonNode session() throws IOException {
        return JSON.readTree((String) driver.executeScript("return sessionStorage.getItem('todo.session')"));
    }

    private static JsonNode signUpThroughTheApi() throws IOException {
        HttpResponse<String> signedUp = service.send("POST", "/api/auth/sign-up", null,
                "{\"email\":\"api-" + UUID.randomUUID() + "@example.com\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, signedUp.statusCode(), signedUp::body);
        return JSON.readTree(signedUp.body());
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + service.port() + path;
    }

    /** A tiny site on another port: another origin, whose page calls the API from the browser. */
    private static HttpServer site() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>Another site</title><p>Another origin calling the Todo API.</p>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String origin(HttpServer site) {
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }
}
