package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.persistence.DatabaseConfig;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import app.todo.application.testing.Polling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The service behind Debian's PgBouncer in transaction mode, as Neon's and Supabase's pooled URLs put it:
 * every route works under concurrent load with no 5xx, and nothing the service sets reaches the pooler's
 * other clients (docs/operations.md, "Connection poolers"). Before, named prepared statements and a
 * session setting made on one server connection were missing on the next: 500s from the fifth statement on.
 */
class BehindPgBouncerTest {

    private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");
    private static final Pattern SERVER = Pattern.compile("jdbc:postgresql://([^:/]+):([0-9]+)/([^?;]+)");

    private static Path work;
    private static Process pgbouncer;
    private static int port;
    private static String database;
    private static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            fail("pgbouncer is not installed (Debian: apt-get install pgbouncer; .ci/run installs it): this test runs "
                    + "the service behind a real transaction-mode pooler");
        }
        DatabaseConfig direct = TestPostgres.newDatabase();
        Matcher server = SERVER.matcher(direct.jdbcUrl());
        assertTrue(server.find(), direct.safeJdbcUrl());
        database = server.group(3);
        work = Files.createTempDirectory("todo-pgbouncer");
        // PgBouncer refuses to run as root; under root it switches to postgres, which must reach these files.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        for (int attempt = 1; ; attempt++) {
            port = LocalPorts.free();
            Files.writeString(work.resolve("pgbouncer.ini"), """
                    [databases]
                    * = host=%s port=%s user=%s
                    [pgbouncer]
                    listen_addr = 127.0.0.1
                    listen_port = %d
                    unix_socket_dir =
                    auth_type = any
                    pool_mode = transaction
                    default_pool_size = 6
                    max_client_conn = 200
                    ignore_startup_parameters = extra_float_digits,options
                    logfile = %s/pgbouncer.log
                    pidfile = %s/pgbouncer.pid
                    """.formatted(server.group(1), server.group(2), direct.username() == null ? "postgres" : direct.username(),
                    port, work, work));
            List<String> command = new ArrayList<>(List.of(BINARY.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "postgres"));
            }
            command.add(work.resolve("pgbouncer.ini").toString());
            pgbouncer = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("pgbouncer.out").toFile()).start();
            Polling.await(Duration.ofSeconds(20), "pgbouncer listening on " + port, () -> !pgbouncer.isAlive() || LocalPorts.listens(port));
            if (pgbouncer.isAlive() || attempt >= 3) {
                break;
            }
        }
        if (!pgbouncer.isAlive()) {
            fail("pgbouncer did not start: " + Files.readString(work.resolve("pgbouncer.out")) + log());
        }
        // The README's form for a pooled URL: pgbouncer=true.
        service = RunningService.start(Map.of(
                "DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres&pgbouncer=true",
                "BETTER_AUTH_SECRET", TestTokens.SECRET, "DB_POOL_SIZE", "8"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (pgbouncer != null) {
            pgbouncer.destroy();
            pgbouncer.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyRouteWorksUnderConcurrentLoadWithNoServerError() throws Exception {
        int clients = 8;
        int rounds = 40;
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String user = "pooled-" + UUID.randomUUID();
                String token = TestTokens.valid(user);
                String tasks = "/api/" + user + "/tasks";
                done.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        count(statuses, service.send("POST", tasks, token,
                                "{\"title\":\"pooled " + i + "\",\"tags\":[\"a\",\"b\"]}"));
                        count(statuses, service.send("GET", tasks + "?tag=a&limit=20", token, null));
                    }
                    HttpResponse<String> list = service.send("GET", tasks + "?limit=100", token, null);
                    count(statuses, list);
                    assertEquals(String.valueOf(rounds), list.headers().firstValue("X-Total-Count").orElseThrow());
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Map.of(201, clients * rounds, 200, clients * (rounds + 1)),
                Map.of(201, statuses.getOrDefault(201, new AtomicInteger()).get(),
                        200, statuses.getOrDefault(200, new AtomicInteger()).get()),
                () -> "every answer: " + statuses);
        assertEquals(2, statuses.size(), () -> "only 200 and 201: " + statuses);
    }

    @Test
    void ownAccountsSignUpSignInAndRefreshThroughThePooler() throws Exception {
        String email = "pooled-" + UUID.randomUUID() + "@example.com";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}";
        assertEquals(201, service.send("POST", "/api/auth/sign-up", null, credentials).statusCode());
        for (int i = 0; i < 4; i++) { // within the sign-in limit; with sign-up, past PgJDBC's fifth execution
            HttpResponse<String> signedIn = service.send("POST", "/api/auth/sign-in", null, credentials);
            assertEquals(200, signedIn.statusCode(), signedIn::body);
            String refresh = new com.fasterxml.jackson.databind.ObjectMapper().readTree(signedIn.body())
                    .get("refresh_token").asText();
            assertEquals(200, service.send("POST", "/api/auth/refresh", null,
                    "{\"refresh_token\":\"" + refresh + "\"}").statusCode());
        }
    }

    @Test
    void nothingTheServiceSetsReachesThePoolersOtherClients() throws Exception {
        for (int i = 0; i < 20; i++) { // keep the server connections busy with the service's statements first
            service.send("GET", "/api/pooled-probe/tasks", TestTokens.valid("pooled-probe"), null);
        }
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("prepareThreshold", "0");
        for (int i = 0; i < 12; i++) {
            try (Connection other = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                    properties); Statement statement = other.createStatement();
                 ResultSet rows = statement.executeQuery("show plan_cache_mode")) {
                assertTrue(rows.next());
                assertEquals("auto", rows.getString(1), "a session setting of the service leaked through the pooler");
            }
        }
    }

    /**
     * A pooler keeps no LISTEN: a second instance behind it learns of the first one's writes by asking, and its
     * live stream still delivers them.
     */
    @Test
    void aLiveStreamBehindThePoolerHearsOfWritesOnAnotherInstance() throws Exception {
        String user = "pooled-live-" + UUID.randomUUID();
        String token = TestTokens.valid(user);
        try (RunningService second = RunningService.start(Map.of(
                "DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres&pgbouncer=true",
                "BETTER_AUTH_SECRET", TestTokens.SECRET, "DB_POOL_SIZE", "4"))) {
            try (EventStreamLines stream = EventStreamLines.open("http://127.0.0.1:" + second.port(), user, token)) {
                assertEquals(200, stream.status);
                assertEquals("retry: 2000", stream.next(10));
                assertEquals(201, service.send("POST", "/api/" + user + "/tasks", token, "{\"title\":\"pooled live\"}")
                        .statusCode());
                assertTrue(stream.await("pooled live", 10) != null,
                        "the write on the first instance reached the second one's stream");
            }
        }
    }

    private static void count(Map<Integer, AtomicInteger> statuses, HttpResponse<String> response) {
        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
    }

    private static String log() throws IOException {
        Path log = work.resolve("pgbouncer.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }


}
