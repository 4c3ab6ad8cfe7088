package app.todo.bootstrap;

import app.todo.application.testing.Polling;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.persistence.testing.DisposablePostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL goes away under a running service and comes back: requests fail fast with a 503 the
 * client can act on, readiness says so, and the service recovers by itself, with nothing lost.
 * The database is a private cluster of this test, never the shared server.
 */
class DatabaseOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    /** How long a request may take to be refused while the database is down: five times the pool's 2 s wait. */
    private static final Duration PROMPT = Duration.ofSeconds(10);

    private DisposablePostgres postgres;
    private RunningService service;
    private final String user = "outage-" + UUID.randomUUID();
    private final String token = TestTokens.valid(user);
    private final String tasks = "/api/" + user + "/tasks";

    @BeforeEach
    void start() {
        postgres = DisposablePostgres.create();
        service = RunningService.start(Map.of(
                "DATABASE_URL", RunningService.databaseUrl(postgres.database(4)),
                "DB_POOL_SIZE", "4",
                "BETTER_AUTH_SECRET", TestTokens.SECRET));
    }

    @AfterEach
    void stop() {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            postgres.close();
        }
    }

    @Test
    void whileTheDatabaseIsDownRequestsAre503sAndTheServiceRecoversByItself() throws Exception {
        long id = createTask("Before the outage");

        postgres.stop();

        // The README: a 503 "within about 2 s" (the pool waits 2 s for a connection). The client gives each
        // request 10 s, generous for a busy machine, yet a pool that waited 30 s would run out of it.
        assertUnavailable(service.sendWithin(PROMPT, "GET", tasks + "/" + id, token, null));
        assertUnavailable(service.sendWithin(PROMPT, "POST", tasks, token, "{\"title\":\"During the outage\"}"));
        assertUnavailable(service.sendWithin(PROMPT, "GET", tasks, token, null));
        assertUnavailable(service.sendWithin(PROMPT, "GET", "/health/ready", null, null));
        assertEquals(200, service.send("GET", "/health/live", null, null).statusCode(), "the process itself is fine");

        postgres.start();

        Polling.await(RECOVERY_LIMIT, "/health/ready answers 200 again",
                () -> service.send("GET", "/health/ready", null, null).statusCode() == 200);
        HttpResponse<String> before = service.send("GET", tasks + "/" + id, token, null);
        assertEquals(200, before.statusCode());
        assertEquals("Before the outage", JSON.readTree(before.body()).get("title").asText());
        long after = createTask("After the outage");
        JsonNode list = JSON.readTree(service.send("GET", tasks, token, null).body());
        assertEquals(2, list.size(), "the write refused during the outage did not half-happen: " + list);
        assertTrue(after > id);
    }

    @Test
    void aCrashOfTheDatabaseIsRecoveredFromToo() throws Exception {
        long id = createTask("Before the crash");

        postgres.kill();
        assertUnavailable(service.send("PUT", tasks + "/" + id, token, "{\"title\":\"During\"}", "If-Match", "\"1\""));

        postgres.start();
        Polling.await(RECOVERY_LIMIT, "requests succeed again after the crash",
                () -> service.send("GET", tasks + "/" + id, token, null).statusCode() == 200);
        HttpResponse<String> updated = service.send("PUT", tasks + "/" + id, token, "{\"title\":\"After\"}",
                "If-Match", "\"1\"");
        assertEquals(200, updated.statusCode(), "the refused update changed nothing: " + updated.body());
    }

    @Test
    void aRequestInFlightWhenTheDatabaseGoesAwayIsA503NotA500() throws Exception {
        long id = createTask("Locked");
        HttpResponse<String> response;
        try (TaskRowLock lock = TaskRowLock.hold(postgres.connect(), id)) {
            CompletableFuture<HttpResponse<String>> update = CompletableFuture.supplyAsync(() -> service.send(
                    "PUT", tasks + "/" + id, token, "{\"title\":\"Interrupted\"}", "If-Match", "\"1\""));
            lock.awaitAWaiter(Duration.ofSeconds(20));
            // A fast shutdown terminates every session, the waiting one included (SQL state 57P01).
            postgres.stop();
            response = update.get(60, TimeUnit.SECONDS);
        }
        assertUnavailable(response);
    }

    /**
     * A database that stops answering in the middle of a statement (here it waits on a lock that is not
     * released; a hung server or a lost host look the same from the service) costs the request a 503 after the
     * 10 s reply limit, not the whole wait; nothing of the change is kept.
     */
    @Test
    void aStatementTheDatabaseStopsAnsweringIsA503AfterTheReplyLimit() throws Exception {
        long id = createTask("Held");
        try (TaskRowLock lock = TaskRowLock.hold(postgres.connect(), id)) {
            CompletableFuture<HttpResponse<String>> update = CompletableFuture.supplyAsync(() -> service.send(
                    "PUT", tasks + "/" + id, token, "{\"title\":\"Never answered\"}", "If-Match", "\"1\""));
            lock.awaitAWaiter(Duration.ofSeconds(20));
            // The lock is held until the answer comes: without the limit, that is never.
            HttpResponse<String> response = update.get(40, TimeUnit.SECONDS);
            assertUnavailable(response);
            assertTrue(JSON.readTree(response.body()).get("detail").asText().contains("may or may not have been made"),
                    response.body());
        }
        Polling.await(RECOVERY_LIMIT, "the task is readable again", () -> service.send("GET", tasks + "/" + id, token,
                null).statusCode() == 200);
        JsonNode task = JSON.readTree(service.send("GET", tasks + "/" + id, token, null).body());
        assertEquals("Held", task.get("title").asText(), "the unanswered change was not committed: " + task);
    }

    /**
     * An instance that (re)starts while PostgreSQL is down waits for it instead of exiting, as one that crashed
     * during an outage must to come back by itself; then it serves what was stored before.
     */
    @Test
    void aStartWhileTheDatabaseIsDownWaitsForIt() throws Exception {
        long id = createTask("Before the restart");
        service.close();
        service = null;
        postgres.stop();

        CompletableFuture<RunningService> starting = CompletableFuture.supplyAsync(() -> RunningService.start(Map.of(
                "DATABASE_URL", RunningService.databaseUrl(postgres.database(4)),
                "DB_POOL_SIZE", "4",
                "BETTER_AUTH_SECRET", TestTokens.SECRET)));
        // A start that gave up would have ended by now (the pool's own wait is 2 s).
        assertThrows(TimeoutException.class, () -> starting.get(4, TimeUnit.SECONDS), "the start waits");
        postgres.start();
        service = starting.get(90, TimeUnit.SECONDS);

        HttpResponse<String> before = service.send("GET", tasks + "/" + id, token, null);
        assertEquals(200, before.statusCode(), before.body());
        assertEquals("Before the restart", JSON.readTree(before.body()).get("title").asText());
    }

    private long createTask(String title) throws Exception {
        HttpResponse<String> created = service.send("POST", tasks, token, "{\"title\":\"" + title + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private static void assertUnavailable(HttpResponse<String> response) throws Exception {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals("2", response.headers().firstValue("Retry-After").orElseThrow(), "the README's Retry-After: 2");
        assertEquals(503, JSON.readTree(response.body()).get("status").asInt());
    }
}
