package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.OpenApiContract;
import app.todo.application.testing.Polling;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.persistence.testing.DisposablePostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing the service (what Main's SIGTERM hook does) stops taking connections at once, lets a request
 * already running finish with its real answer, and only then closes the connection pool.
 */
class GracefulShutdownTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Longer than Helidon's default grace period (0.5 s), after which it interrupts running requests. */

    private DisposablePostgres postgres;
    private final String user = "leaving-" + UUID.randomUUID();
    private final String token = TestTokens.valid(user);
    private final String tasks = "/api/" + user + "/tasks";

    @BeforeEach
    void start() {
        postgres = DisposablePostgres.create();
    }

    @AfterEach
    void stop() {
        postgres.close();
    }

    private Map<String, String> environment() {
        return Map.of("DATABASE_URL", RunningService.databaseUrl(postgres.database(4)),
                "BETTER_AUTH_SECRET", TestTokens.SECRET);
    }

    @Test
    void closingLetsARequestInFlightFinishWhileNewConnectionsAreRefused() throws Exception {
        RunningService service = RunningService.start(environment());
        try {
            long id = JSON.readTree(service.send("POST", tasks, token, "{\"title\":\"Slow\"}").body()).get("id").asLong();
            HttpResponse<String> response = updateWhileShuttingDown(service.port(), id,
                    () -> service.send("PUT", tasks + "/" + id, token, "{\"title\":\"Finished\"}", "If-Match", "\"1\""),
                    () -> CompletableFuture.runAsync(service::close));
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("Finished", JSON.readTree(response.body()).get("title").asText());
            assertEquals("Finished", storedTitle(id), "the acknowledged update is committed");
        } finally {
            service.close();
        }
    }

    @Test
    void sigtermDoesTheSameAndSaysSoInTheLog() throws Exception {
        try (ServiceProcess process = ServiceProcess.start("terminated", environment())) {
            process.awaitReady(Duration.ofSeconds(90));
            HttpResponse<String> created = CLIENT.send(request(process, tasks)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Slow\"}")).build(), HttpResponse.BodyHandlers.ofString());
            OpenApiContract.check("POST", tasks, created);
            long id = JSON.readTree(created.body()).get("id").asLong();

            CompletableFuture<Integer> exit = new CompletableFuture<>();
            HttpResponse<String> response = updateWhileShuttingDown(process.port(), id,
                    () -> send(request(process, tasks + "/" + id).header("If-Match", "\"1\"")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Finished\"}")).build()),
                    () -> CompletableFuture.runAsync(() -> exit.complete(process.terminate())));

            assertEquals(200, response.statusCode(), response.body());
            assertEquals(143, exit.get(60, TimeUnit.SECONDS), "exit status of a JVM ended by SIGTERM");
            String log = process.output();
            assertTrue(log.contains("Shutting down: not ready") && log.contains("refusing new connections"), log);
            assertTrue(log.contains("PUT /api/{user_id}/tasks/{id} 200"), "the finished request is in the access log: " + log);
            assertTrue(log.contains("database pool closed"), log);
            assertEquals("Finished", storedTitle(id));
        }
    }

    /**
     * Behind a load balancer: on SIGTERM the instance first reports not-ready (503) while it keeps serving,
     * each answer closing its connection, for SHUTDOWN_DRAIN; only then does it stop taking connections.
     */
    @Test
    void sigtermFirstDrainsNotReadyButServingWithConnectionClose() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(environment());
        env.put("SHUTDOWN_DRAIN", "3s");
        try (ServiceProcess process = ServiceProcess.start("drained", env)) {
            process.awaitReady(Duration.ofSeconds(90));
            assertEquals(200, CLIENT.send(HttpRequest.newBuilder(process.uri("/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(process::terminate);
            Polling.await(Duration.ofSeconds(20), "/health/ready says 503", () -> readyStatus(process) == 503);

            HttpResponse<String> served = send(request(process, tasks).GET().build());
            assertEquals(200, served.statusCode(), "still serving while draining");
            assertEquals("close", served.headers().firstValue("Connection").orElse(""),
                    "each answer closes its connection, so the next one goes to another instance");
            HttpResponse<String> created = send(request(process, tasks)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"while draining\"}")).build());
            assertEquals(201, created.statusCode(), created.body());

            assertEquals(143, exit.get(60, TimeUnit.SECONDS));
            assertEquals("while draining", storedTitle(JSON.readTree(created.body()).get("id").asLong()));
        }
    }

    private static int readyStatus(ServiceProcess process) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(process.uri("/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Holds the task's row lock so that {@code update} waits in the database, starts {@code shutdown},
     * checks that the port refuses new connections and that the shutdown waits for the request, then
     * lets the request go on. Returns its response once the shutdown is complete and the pool closed.
     */
    private HttpResponse<String> updateWhileShuttingDown(int port, long id, Supplier<HttpResponse<String>> update,
                                                         Supplier<CompletableFuture<Void>> shutdown) throws Exception {
        CompletableFuture<HttpResponse<String>> inFlight;
        CompletableFuture<Void> closing;
        try (TaskRowLock lock = TaskRowLock.hold(postgres.connect(), id)) {
            inFlight = CompletableFuture.supplyAsync(update);
            lock.awaitAWaiter(Duration.ofSeconds(20));

            closing = shutdown.get();
            // The shutdown is under way once the port refuses; how long it may wait is a parameter
            // (WiringTest checks Wiring.SHUTDOWN_GRACE reaches the server), not a time measured here.
            Polling.await(Duration.ofSeconds(20), "the port refuses new connections", () -> refuses(port));
            assertFalse(closing.isDone(), "the shutdown waits for the request in flight");
            lock.awaitAWaiter(Duration.ofSeconds(1));
        }
        HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
        closing.get(30, TimeUnit.SECONDS);
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        Polling.await(Duration.ofSeconds(20), "the pool's connections are closed", () -> serviceSessions() == 0);
        return response;
    }

    private HttpRequest.Builder request(ServiceProcess process, String path) {
        return HttpRequest.newBuilder(process.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            OpenApiContract.check(request.method(), request.uri().getPath(), response);
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean refuses(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private int serviceSessions() {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String storedTitle(long id) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT title FROM tasks WHERE id = " + id)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
