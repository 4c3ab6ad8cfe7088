package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import app.todo.application.testing.Polling;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Three instances behind Debian's HAProxy with the repository's configuration ({@code interop/haproxy/todo-api.cfg}),
 * restarted one by one the way a deployment does it (the SIGTERM path: drain, then stop; then a new instance on
 * the same port) while writers and readers keep going: no request fails, and every acknowledged create is stored.
 */
class BehindHaproxyTest {

    private static final Path BINARY = Path.of("/usr/sbin/haproxy");
    private static final Path CONFIG = Path.of("..", "interop", "haproxy", "todo-api.cfg");
    private static final Duration DRAIN = Duration.ofSeconds(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<RunningService> instances = new ArrayList<>();
    private Process haproxy;
    private Path work;

    @AfterEach
    void stop() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
        instances.forEach(RunningService::close);
    }

    @Test
    void aRollingRestartUnderLoadFailsNoRequestAndLosesNoWrite() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            fail("haproxy is not installed (Debian: apt-get install haproxy; .ci/run installs it): this test runs three "
                    + "instances behind the repository's haproxy configuration");
        }
        work = Files.createTempDirectory("todo-haproxy");
        String databaseUrl = RunningService.databaseUrl(TestPostgres.newDatabase());
        int[] ports = {LocalPorts.free(), LocalPorts.free(), LocalPorts.free()};
        for (int port : ports) {
            instances.add(start(databaseUrl, port));
        }
        int front = LocalPorts.free();
        int statsPort = LocalPorts.free();
        // The repository's configuration, plus a statistics page of the test's own, to read which servers are UP.
        String config = Files.readString(CONFIG) + "\nlisten stats\n    bind 127.0.0.1:" + statsPort
                + "\n    stats enable\n    stats uri /stats\n";
        config = config
                .replace("bind :8080", "bind 127.0.0.1:" + front)
                .replace("127.0.0.1:8081", "127.0.0.1:" + ports[0])
                .replace("127.0.0.1:8082", "127.0.0.1:" + ports[1])
                .replace("127.0.0.1:8083", "127.0.0.1:" + ports[2]);
        Files.writeString(work.resolve("haproxy.cfg"), config);
        haproxy = new ProcessBuilder(BINARY.toString(), "-db", "-f", work.resolve("haproxy.cfg").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("haproxy.out").toFile()).start();
        Polling.await(Duration.ofSeconds(20), "haproxy listening", () -> !haproxy.isAlive() || LocalPorts.listens(front));
        assertTrue(haproxy.isAlive(), () -> "haproxy stopped: " + output());
        // The check in the configuration works: every instance is up before the load starts (HTTP/1.0 would be 505).
        Polling.await(Duration.ofSeconds(20), "all three instances in rotation", () -> servedBy(statsPort) == 3);

        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Map<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();
        ExecutorService load = Executors.newFixedThreadPool(6);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            boolean writer = c < 4;
            String user = "rolling-" + UUID.randomUUID();
            String token = TestTokens.valid(user);
            acknowledged.put(user, ConcurrentHashMap.newKeySet());
            clients.add(load.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    try {
                        HttpResponse<String> response = writer
                                ? send(front, "POST", "/api/" + user + "/tasks", token, "{\"title\":\"rolling " + i + "\"}")
                                : send(front, "GET", "/api/" + user + "/tasks?limit=5", token, null);
                        if (response.statusCode() / 100 != 2) {
                            failures.merge(response.statusCode() + " " + response.body(), 1, Integer::sum);
                        } else if (writer) {
                            acknowledged.get(user).add(JSON.readTree(response.body()).get("id").asLong());
                        }
                    } catch (IOException e) {
                        failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        try {
            for (int i = 0; i < instances.size(); i++) {
                instances.get(i).drainAndClose(DRAIN); // what SIGTERM does
                instances.set(i, start(databaseUrl, ports[i]));
                int index = i;
                Polling.await(Duration.ofSeconds(20), "instance " + index + " back in rotation", () -> servedBy(statsPort) == 3);
            }
        } finally {
            running.set(false);
            load.shutdown();
        }
        for (Future<?> client : clients) {
            client.get(60, TimeUnit.SECONDS);
        }
        assertEquals(Map.of(), failures, "every request of the rolling restart answered 2xx");
        assertEquals(0, retriesAndRedispatches(statsPort), "haproxy took each instance out while it still served: "
                + "no connection to a stopping instance failed and had to be tried again elsewhere");
        for (Map.Entry<String, Set<Long>> user : acknowledged.entrySet()) {
            if (user.getValue().isEmpty()) {
                continue; // a reader
            }
            HttpResponse<String> stored = send(front, "GET", "/api/" + user.getKey() + "/tasks?limit=1",
                    TestTokens.valid(user.getKey()), null);
            assertEquals(String.valueOf(user.getValue().size()), stored.headers().firstValue("X-Total-Count").orElseThrow(),
                    "every acknowledged create is stored, none twice");
        }

        // With no instance in rotation (all stopped, or all unready while the database is down), haproxy answers
        // itself, in the service's own form: a problem with Retry-After, not its HTML page.
        instances.forEach(RunningService::close);
        instances.clear();
        Polling.await(Duration.ofSeconds(20), "no instance in rotation", () -> servedBy(statsPort) == 0);
        HttpResponse<String> none = send(front, "GET", "/api/nobody/tasks", null, null);
        assertEquals(503, none.statusCode(), none.body());
        assertEquals("application/problem+json", none.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("2", none.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(503, JSON.readTree(none.body()).get("status").asInt(), none.body());
    }

    private RunningService start(String databaseUrl, int port) {
        return RunningService.start(Map.of("DATABASE_URL", databaseUrl, "PORT", String.valueOf(port),
                "HOST", "127.0.0.1", "BETTER_AUTH_SECRET", TestTokens.SECRET, "DB_POOL_SIZE", "4"));
    }

    /** How many servers of the backend haproxy counts UP now, from its statistics page (CSV). */
    private int servedBy(int statsPort) {
        try {
            HttpResponse<String> stats = CLIENT.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + statsPort + "/stats;csv")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return (int) stats.body().lines().filter(line -> line.startsWith("todo_instances,"))
                    .filter(line -> !line.startsWith("todo_instances,BACKEND,")).filter(line -> line.contains(",UP,"))
                    .count();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** haproxy's count of requests it had to send again (wretr) or to another server (wredis), all servers. */
    private long retriesAndRedispatches(int statsPort) throws Exception {
        List<String> lines = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                .build(), HttpResponse.BodyHandlers.ofString()).body().lines().toList();
        List<String> columns = List.of(lines.getFirst().replaceFirst("^# ", "").split(","));
        int retries = columns.indexOf("wretr");
        int redispatches = columns.indexOf("wredis");
        long total = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals("todo_instances") && !cells[1].equals("BACKEND")) {
                total += parse(cells[retries]) + parse(cells[redispatches]);
            }
        }
        return total;
    }

    private static long parse(String cell) {
        return cell.isEmpty() ? 0 : Long.parseLong(cell);
    }

    private static HttpResponse<String> send(int port, String method, String path, String token, String body)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private String output() {
        try {
            return Files.readString(work.resolve("haproxy.out"));
        } catch (IOException e) {
            return e.toString();
        }
    }


}
