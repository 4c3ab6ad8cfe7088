package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** No lost updates, proven with real parallel HTTP requests against PostgreSQL. */
class ConcurrentEditsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningService service;

    @BeforeAll
    static void start() {
        // The default pool: contenders queue for connections in arrival order, then for the row lock.
        service = RunningService.start(Map.of(
                "DATABASE_URL", RunningService.databaseUrl(TestPostgres.newDatabase()),
                "BETTER_AUTH_SECRET", TestTokens.SECRET));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static List<HttpResponse<String>> allAtOnce(int n, Callable<HttpResponse<String>> request) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return request.call();
                }));
            }
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                responses.add(f.get());
            }
            return responses;
        }
    }

    private static JsonNode createTask(String user, String token) throws Exception {
        return JSON.readTree(service.send("POST", "/api/" + user + "/tasks", token, "{\"title\":\"Contended\"}").body());
    }

    @Test
    void twentyWritersWithTheSameIfMatchLeaveExactlyOneWinner() throws Exception {
        String user = "writer-" + UUID.randomUUID();
        String token = TestTokens.valid(user);
        long id = createTask(user, token).get("id").asLong();

        List<HttpResponse<String>> responses = allAtOnce(20, () -> service.send("PUT",
                "/api/" + user + "/tasks/" + id, token, "{\"title\":\"Edit " + Thread.currentThread().threadId() + "\"}",
                "If-Match", "\"1\""));

        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 200).count());
        assertEquals(19, responses.stream().filter(r -> r.statusCode() == 412).count());
        JsonNode stored = JSON.readTree(service.send("GET", "/api/" + user + "/tasks/" + id, token, null).body());
        assertEquals(2, stored.get("version").asLong());
        String winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().body();
        assertEquals(JSON.readTree(winner).get("title"), stored.get("title"));
    }

    @Test
    void fiftyConcurrentTogglesAreFiftyFlips() throws Exception {
        String user = "toggler-" + UUID.randomUUID();
        String token = TestTokens.valid(user);
        long id = createTask(user, token).get("id").asLong();

        List<HttpResponse<String>> responses = allAtOnce(50, () -> service.send("PATCH",
                "/api/" + user + "/tasks/" + id + "/complete", token, null));

        assertEquals(50, responses.stream().filter(r -> r.statusCode() == 200).count());
        JsonNode stored = JSON.readTree(service.send("GET", "/api/" + user + "/tasks/" + id, token, null).body());
        assertEquals(false, stored.get("completed").asBoolean(), "50 flips of false is false");
        assertEquals(51, stored.get("version").asLong());
        assertEquals(50, responses.stream().map(r -> {
            try {
                return JSON.readTree(r.body()).get("version").asLong();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count(), "every toggle saw its own version");
    }
}
