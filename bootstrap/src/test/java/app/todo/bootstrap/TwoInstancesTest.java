package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.persistence.DatabaseConfig;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the service on one database behave as one service: whatever one writes, the other
 * reads, versions are checked against the database, not a cache, and a user's first requests may land
 * on both at once.
 */
class TwoInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DatabaseConfig database;
    private static RunningService a;
    private static RunningService b;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        Map<String, String> env = Map.of(
                "DATABASE_URL", RunningService.databaseUrl(database),
                "BETTER_AUTH_SECRET", TestTokens.SECRET);
        a = RunningService.start(env);
        b = RunningService.start(env);
    }

    @AfterAll
    static void stop() {
        try {
            if (a != null) {
                a.close();
            }
        } finally {
            if (b != null) {
                b.close();
            }
        }
    }

    @Test
    void aTaskCreatedOnOneInstanceIsReadUpdatedAndDeletedOnTheOther() throws Exception {
        String user = "both-" + UUID.randomUUID();
        String token = TestTokens.valid(user);
        String tasks = "/api/" + user + "/tasks";

        HttpResponse<String> created = a.send("POST", tasks, token, "{\"title\":\"Made on A\"}");
        assertEquals(201, created.statusCode());
        String task = tasks + "/" + JSON.readTree(created.body()).get("id").asLong();

        HttpResponse<String> readOnB = b.send("GET", task, token, null);
        assertEquals(200, readOnB.statusCode());
        assertEquals("\"1\"", readOnB.headers().firstValue("ETag").orElseThrow());
        assertEquals("Made on A", JSON.readTree(readOnB.body()).get("title").asText());

        HttpResponse<String> updatedOnB = b.send("PUT", task, token, "{\"title\":\"Changed on B\"}", "If-Match", "\"1\"");
        assertEquals(200, updatedOnB.statusCode());
        assertEquals("Changed on B", JSON.readTree(a.send("GET", task, token, null).body()).get("title").asText());

        HttpResponse<String> updatedOnA = a.send("PUT", task, token, "{\"title\":\"Changed on A\"}", "If-Match", "\"2\"");
        assertEquals(200, updatedOnA.statusCode());
        HttpResponse<String> staleOnB = b.send("PUT", task, token, "{\"title\":\"Stale\"}", "If-Match", "\"2\"");
        assertEquals(412, staleOnB.statusCode(), "B checks the version in the database, not in a cache of its own");

        assertEquals(204, b.send("DELETE", task, token, null).statusCode());
        assertEquals(404, a.send("GET", task, token, null).statusCode());
        assertEquals("0", a.send("GET", tasks, token, null).headers().firstValue("X-Total-Count").orElseThrow());
    }

    @Test
    void aNewUsersFirstRequestsOnBothInstancesAtOnceProvisionOneUser() throws Exception {
        String user = "newcomer-" + UUID.randomUUID();
        String token = TestTokens.valid(user);
        int requests = 20;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                RunningService instance = i % 2 == 0 ? a : b;
                int n = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return instance.send("POST", "/api/" + user + "/tasks", token, "{\"title\":\"First " + n + "\"}");
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertEquals(201, response.statusCode(), response.body());
            }
        }
        assertEquals(1, count("SELECT count(*) FROM users WHERE id = ?", user));
        assertEquals(requests, count("SELECT count(*) FROM tasks WHERE user_id = ?", user));
        JsonNode list = JSON.readTree(b.send("GET", "/api/" + user + "/tasks?limit=100", token, null).body());
        assertEquals(requests, list.size());
    }

    private static int count(String sql, String user) throws Exception {
        Properties login = new Properties();
        if (database.username() != null) {
            login.setProperty("user", database.username());
        }
        if (database.password() != null) {
            login.setProperty("password", database.password());
        }
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), login);
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, user);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Sixteen requests with one Idempotency-Key, on two instances at once: one task, and one answer for all. */
    @Test
    void concurrentRetriesWithOneKeyOnTwoInstancesCreateOneTask() throws Exception {
        String user = "once-" + UUID.randomUUID();
        String token = TestTokens.valid(user);
        String tasks = "/api/" + user + "/tasks";
        java.util.List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 16; i++) {
                RunningService target = i % 2 == 0 ? a : b;
                answers.add(pool.submit(() -> target.send("POST", tasks, token, "{\"title\":\"exactly once\"}",
                        "Idempotency-Key", "\"same-key\"")));
            }
        }
        java.util.Set<String> bodies = new java.util.HashSet<>();
        for (var answer : answers) {
            HttpResponse<String> response = answer.get();
            assertTrue(response.statusCode() == 201 || response.statusCode() == 409, response::body);
            if (response.statusCode() == 201) {
                bodies.add(response.body());
            }
        }
        assertEquals(1, bodies.size(), "every 201 is the same answer");
        assertEquals(1, JSON.readTree(a.send("GET", tasks, token, null).body()).size(), "one task");
        assertEquals(201, b.send("POST", tasks, token, "{\"title\":\"exactly once\"}",
                "Idempotency-Key", "\"same-key\"").statusCode(), "a later retry is answered too");
        assertEquals(1, JSON.readTree(b.send("GET", tasks, token, null).body()).size());
    }

    /** Writes on both instances reach one feed, in an order a reader can follow. */
    @Test
    void theChangesFeedFollowsWritesOnBothInstances() throws Exception {
        String user = "feed-" + UUID.randomUUID();
        String token = TestTokens.valid(user);
        String tasks = "/api/" + user + "/tasks";
        long onA = JSON.readTree(a.send("POST", tasks, token, "{\"title\":\"on A\"}").body()).get("id").asLong();
        var first = JSON.readTree(b.send("GET", tasks + "/changes", token, null).body());
        assertEquals(1, first.get("changes").size());
        b.send("POST", tasks, token, "{\"title\":\"on B\"}");
        assertEquals(204, a.send("DELETE", tasks + "/" + onA, token, null).statusCode());

        var next = JSON.readTree(a.send("GET", tasks + "/changes?since=" + first.get("next_cursor").asText(), token, null)
                .body());
        assertEquals(2, next.get("changes").size(), next::toString);
        assertEquals("on B", next.get("changes").get(0).get("title").asText());
        assertEquals(onA, next.get("changes").get(1).get("id").asLong());
        assertTrue(next.get("changes").get(1).has("deleted_at"));
    }

    /** A stream on one instance hears of a write on the other (LISTEN/NOTIFY), and only its own user's. */
    @Test
    void aLiveStreamOnOneInstanceReceivesAWriteMadeOnTheOther() throws Exception {
        String user = "live-" + UUID.randomUUID();
        String other = "live-other-" + UUID.randomUUID();
        try (EventStreamLines mine = EventStreamLines.open("http://127.0.0.1:" + b.port(), user, TestTokens.valid(user));
             EventStreamLines theirs = EventStreamLines.open("http://127.0.0.1:" + b.port(), other, TestTokens.valid(other))) {
            assertEquals("ready", mine.await("event: ready", 10).substring("event: ".length()));
            assertEquals("ready", theirs.await("event: ready", 10).substring("event: ".length()));
            assertEquals(201, a.send("POST", "/api/" + user + "/tasks", TestTokens.valid(user),
                    "{\"title\":\"made on A\"}").statusCode());

            assertTrue(mine.await("made on A", 10) != null, "the write on A reached the stream on B");
            assertEquals(null, theirs.await("made on A", 2), "nothing for the other user");
        }
    }
}
