package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.persistence.DatabaseConfig;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole flows through the real wiring, a real PostgreSQL and really signed tokens. */
class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DatabaseConfig database;
    private static RunningService service;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        service = RunningService.start(Map.of(
                "DATABASE_URL", RunningService.databaseUrl(database),
                "BETTER_AUTH_SECRET", TestTokens.SECRET));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aFrontendTokenManagesItsOwnTasksFromCreateToDelete() throws Exception {
        String alice = newUser();
        String token = TestTokens.valid(alice);
        String tasks = "/api/" + alice + "/tasks";

        HttpResponse<String> created = service.send("POST", tasks, token,
                "{\"title\":\" Buy milk \",\"description\":\"2 litres\",\"tags\":[\"Home\",\"home\",\"errands\"],"
                        + "\"due_date\":\"2026-12-01\",\"priority\":\"high\"}");
        assertEquals(201, created.statusCode());
        JsonNode task = json(created);
        long id = task.get("id").asLong();
        assertEquals(tasks + "/" + id, created.headers().firstValue("Location").orElseThrow());
        assertEquals("Buy milk", task.get("title").asText());
        assertEquals("[\"home\",\"errands\"]", task.get("tags").toString());
        assertEquals(alice, task.get("user_id").asText());
        assertEquals(1, task.get("version").asLong());

        HttpResponse<String> list = service.send("GET", tasks, token, null);
        assertEquals(200, list.statusCode());
        assertEquals("1", list.headers().firstValue("X-Total-Count").orElseThrow());
        assertEquals(id, json(list).get(0).get("id").asLong());

        HttpResponse<String> read = service.send("GET", tasks + "/" + id, token, null);
        assertEquals("\"1\"", read.headers().firstValue("ETag").orElseThrow());

        HttpResponse<String> updated = service.send("PUT", tasks + "/" + id, token,
                "{\"title\":\"Buy oat milk\",\"due_date\":null}", "If-Match", "\"1\"");
        assertEquals(200, updated.statusCode());
        assertEquals("Buy oat milk", json(updated).get("title").asText());
        assertTrue(json(updated).get("due_date").isNull());
        assertEquals(2, json(updated).get("version").asLong());

        HttpResponse<String> stale = service.send("PUT", tasks + "/" + id, token, "{\"title\":\"Lost update\"}",
                "If-Match", "\"1\"");
        assertEquals(412, stale.statusCode());
        assertEquals("Buy oat milk", json(service.send("GET", tasks + "/" + id, token, null)).get("title").asText());

        HttpResponse<String> toggled = service.send("PATCH", tasks + "/" + id + "/complete", token, null);
        assertEquals(200, toggled.statusCode());
        assertTrue(json(toggled).get("completed").asBoolean());
        assertFalse(json(toggled).get("completed_at").isNull());

        assertEquals(204, service.send("DELETE", tasks + "/" + id, token, null, "If-Match", "\"3\"").statusCode());
        assertEquals(404, service.send("GET", tasks + "/" + id, token, null).statusCode());
    }

    @Test
    void nobodyTouchesAnotherUsersTasks() throws Exception {
        String owner = newUser();
        String intruder = newUser();
        HttpResponse<String> created = service.send("POST", "/api/" + owner + "/tasks", TestTokens.valid(owner),
                "{\"title\":\"Private\"}");
        long id = json(created).get("id").asLong();
        String intruderToken = TestTokens.valid(intruder);

        assertEquals(403, service.send("GET", "/api/" + owner + "/tasks", intruderToken, null).statusCode());
        assertEquals(403, service.send("DELETE", "/api/" + owner + "/tasks/" + id, intruderToken, null).statusCode());
        HttpResponse<String> theirs = service.send("GET", "/api/" + intruder + "/tasks/" + id, intruderToken, null);
        HttpResponse<String> missing = service.send("GET", "/api/" + intruder + "/tasks/999999999", intruderToken, null);
        assertEquals(404, theirs.statusCode());
        assertEquals(404, missing.statusCode());
        assertEquals(json(missing).get("title"), json(theirs).get("title"));
        assertEquals(200, service.send("GET", "/api/" + owner + "/tasks/" + id, TestTokens.valid(owner), null).statusCode());
    }

    @Test
    void badTokensAreRefusedWithRfc6750Challenges() {
        String user = newUser();
        HttpResponse<String> missing = service.send("GET", "/api/" + user + "/tasks", null, null);
        assertEquals(401, missing.statusCode());
        assertEquals("Bearer realm=\"todo\"", missing.headers().firstValue("WWW-Authenticate").orElseThrow());

        String expired = TestTokens.expired(user);
        HttpResponse<String> refused = service.send("GET", "/api/" + user + "/tasks", expired, null);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        assertFalse(refused.body().contains(expired));
    }

    @Test
    void tasksSurviveARestartOnTheEmbeddedDefault(@TempDir Path dataDir) throws Exception {
        String user = newUser();
        Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "BETTER_AUTH_SECRET", TestTokens.SECRET);
        long id;
        try (RunningService embedded = RunningService.start(env)) {
            id = json(embedded.send("POST", "/api/" + user + "/tasks", TestTokens.valid(user),
                    "{\"title\":\"Kept on disk\"}")).get("id").asLong();
        }
        assertTrue(Files.list(dataDir).findAny().isPresent(), "the embedded database lives under DATA_DIR");
        try (RunningService embedded = RunningService.start(env)) {
            HttpResponse<String> read = embedded.send("GET", "/api/" + user + "/tasks/" + id, TestTokens.valid(user), null);
            assertEquals(200, read.statusCode());
            assertEquals("Kept on disk", json(read).get("title").asText());
        }
    }
}
