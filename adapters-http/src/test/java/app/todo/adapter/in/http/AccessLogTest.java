package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.TestAccounts;
import app.todo.adapter.in.http.testing.TestServer;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.application.memory.InMemoryStore;
import app.todo.application.port.out.TaskRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the service writes to its log while serving: one access line per request, and never a secret. */
class AccessLogTest {

    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger ACCESS = Logger.getLogger("app.todo.access");
    private static final String PASSWORD = "correct-horse-battery-staple-" + UUID.randomUUID();
    private static final String WRONG_PASSWORD = "wrong-horse-battery-staple-" + UUID.randomUUID();
    private static final String FAILING_USER = "user-whose-list-fails";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    /** One permit per access line: the line is written just after the response is sent, so tests wait for it. */
    private final Semaphore accessLines = new Semaphore(0);
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLoggerName() + " " + formatter.format(record));
            if (ACCESS.getName().equals(record.getLoggerName())) {
                accessLines.release();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;
    private Level accessLevel;
    private TestServer server;

    @BeforeEach
    void start() {
        // Started first: the first server of a run may (re)read the logging configuration, dropping handlers.
        // With the real account routes, so that sign-up and sign-in reach their handlers.
        InMemoryStore store = new InMemoryStore();
        server = TestServer.start(store, AccessLogTest::failingForOneUser, TestAccounts.routes(store, Clock.systemUTC()));
        rootLevel = ROOT.getLevel();
        accessLevel = ACCESS.getLevel();
        ROOT.setLevel(Level.INFO); // what a production run logs
        ACCESS.setLevel(Level.INFO);
        capture.setLevel(Level.ALL);
        ROOT.addHandler(capture);
    }

    @AfterEach
    void stop() {
        server.close();
        ROOT.removeHandler(capture);
        ROOT.setLevel(rootLevel);
        ACCESS.setLevel(accessLevel);
    }

    @Test
    void eachRequestGetsOneLineWithIdMethodRouteStatusAndDuration() {
        String user = "user-" + UUID.randomUUID();
        HttpResponse<String> response = server.get("/api/" + user + "/tasks", TestTokens.valid(user));
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        awaitAccessLines(1);

        List<String> access = accessLinesOf(id);
        assertEquals(1, access.size(), () -> "lines: " + lines);
        assertTrue(Pattern.compile("INFO: " + Pattern.quote(id) + " GET /api/\\{user_id}/tasks 200 \\d+ms")
                .matcher(access.getFirst()).find(), access.getFirst());
        assertTrue(!access.getFirst().contains(user), "the template, not the user's path");
    }

    @Test
    void aRequestThatMatchedNoRouteNamesItsRawPathBoundedAndWithoutItsQuery() {
        HttpResponse<String> doubled = server.json("POST", "/api/api/auth/log?secret=s3cr3t", null, "{}");
        String longPath = "/api/" + "x".repeat(RequestLogFilter.MAX_LOGGED_PATH + 50);
        HttpResponse<String> tooLong = server.get(longPath, null);
        HttpResponse<String> encoded = server.get("/api/%E2%80%AEevil%0D%0Aforged", null);
        awaitAccessLines(3);

        assertEquals(404, doubled.statusCode());
        String line = accessLinesOf(doubled.headers().firstValue("X-Request-Id").orElseThrow()).getFirst();
        assertTrue(line.contains(" POST UNMATCHED /api/api/auth/log 404 "), line);
        assertFalse(line.contains("s3cr3t"), "no query string");
        String cut = accessLinesOf(tooLong.headers().firstValue("X-Request-Id").orElseThrow()).getFirst();
        assertTrue(cut.contains(longPath.substring(0, RequestLogFilter.MAX_LOGGED_PATH) + "… 404"), cut);
        String raw = accessLinesOf(encoded.headers().firstValue("X-Request-Id").orElseThrow()).getFirst();
        assertTrue(raw.contains("/api/%E2%80%AEevil%0D%0Aforged 404"), "percent-encoded as sent, never decoded: " + raw);
    }

    @Test
    void aRequestRefusedBeforeRoutingIsNamedByTheRouteItWasFor() {
        String user = "user-" + UUID.randomUUID();
        HttpResponse<String> refused = server.get("/api/" + user + "/tasks", null);
        awaitAccessLines(1);

        assertEquals(401, refused.statusCode());
        String line = accessLinesOf(refused.headers().firstValue("X-Request-Id").orElseThrow()).getFirst();
        assertTrue(line.contains(" GET /api/{user_id}/tasks 401 "), line);
        assertFalse(line.contains(user), "the template, not the user's path");
    }

    @Test
    void noLineCarriesATokenAPasswordOrTheSecret() {
        String user = "user-" + UUID.randomUUID();
        String token = TestTokens.valid(user);
        String badToken = TestTokens.signedWithOtherSecret(user);
        String passwordBody = "{\"title\":\"x\",\"email\":\"a@example.com\",\"password\":\"" + PASSWORD + "\"}";

        String email = "logged-" + UUID.randomUUID() + "@example.com";
        String signUp = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Logged\"}";
        String signIn = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
        String wrongSignIn = "{\"email\":\"" + email + "\",\"password\":\"" + WRONG_PASSWORD + "\"}";

        int[] statuses = {
                server.json("POST", "/api/" + user + "/tasks", token, passwordBody).statusCode(),
                server.json("POST", "/api/auth/sign-up", null, signUp).statusCode(),
                server.json("POST", "/api/auth/sign-in", null, signIn).statusCode(),
                server.json("POST", "/api/auth/sign-in", null, wrongSignIn).statusCode(),
                server.get("/api/" + user + "/tasks", badToken).statusCode(),
                server.get("/api/" + user + "/tasks?access_token=" + token, null).statusCode(),
                server.get("/api/" + FAILING_USER + "/tasks", TestTokens.valid(FAILING_USER)).statusCode(),
                server.json("POST", "/api/" + user + "/tasks", token, "{\"password\":\"" + PASSWORD).statusCode()};

        assertEquals(List.of(201, 201, 200, 401, 401, 401, 500, 400), Arrays.stream(statuses).boxed().toList(),
                "each request went where it was meant to: sign-up and sign-in through their real handlers");
        awaitAccessLines(statuses.length);
        assertTrue(lines.stream().anyMatch(l -> l.contains("SEVERE") && l.contains("failed")), "the 500 was logged");
        for (String secret : List.of(token, badToken, token.substring(token.lastIndexOf('.') + 1), PASSWORD, WRONG_PASSWORD,
                TestTokens.SECRET, "Bearer")) {
            assertTrue(lines.stream().noneMatch(l -> l.contains(secret)),
                    () -> "a log line carries " + secret + ": " + lines);
        }
    }

    private void awaitAccessLines(int count) {
        try {
            assertTrue(accessLines.tryAcquire(count, 10, TimeUnit.SECONDS),
                    () -> "an access line for each of " + count + " requests: " + lines);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private List<String> accessLinesOf(String requestId) {
        return lines.stream().filter(l -> l.startsWith("app.todo.access ") && l.contains(requestId)).toList();
    }

    /** Lists of {@link #FAILING_USER} fail with a bug, so the error handler's log line is seen too. */
    private static TaskRepository failingForOneUser(TaskRepository tasks) {
        return (TaskRepository) Proxy.newProxyInstance(TaskRepository.class.getClassLoader(),
                new Class<?>[] {TaskRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("list") && args[0].toString().contains(FAILING_USER)) {
                        throw new IllegalStateException("a bug while listing");
                    }
                    try {
                        return method.invoke(tasks, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
