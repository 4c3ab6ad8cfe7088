package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.application.testing.Polling;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The service behind Debian's nginx with exactly the configuration the README recommends
 * ({@code interop/nginx/todo-api.conf}): list, create, If-Match and a 413 go through it as they do
 * directly. {@code .ci/run} installs nginx; without it this test fails and says so.
 */
class BehindNginxTest {

    private static final Path CONFIG = Path.of("..", "interop", "nginx", "todo-api.conf");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static RunningService service;
    private static Process nginx;
    private static int proxyPort;
    private static Path work;

    @BeforeAll
    static void start() throws Exception {
        Path binary = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(binary)) {
            fail("nginx is not installed (Debian: apt-get install nginx; .ci/run installs it): "
                    + "this test runs the service behind the README's nginx configuration");
        }
        work = Files.createTempDirectory("todo-nginx");
        service = RunningService.start(Map.of("DATA_DIR", work.resolve("data").toString(),
                "BETTER_AUTH_SECRET", TestTokens.SECRET, "TRUST_PROXY", "true"));
        // The port is picked free and released before nginx binds it, so another process may take it in
        // between; nginx then says "bind() ... failed" and gives up: pick another port, a few times.
        for (int attempt = 1; ; attempt++) {
            proxyPort = LocalPorts.free();
            String site = Files.readString(CONFIG)
                    .replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + service.port() + ";")
                    .replace("listen 80;", "listen 127.0.0.1:" + proxyPort + ";");
            Files.writeString(work.resolve("todo-api.conf"), site);
            // Only the process around the README's block is the test's own: temp paths, no daemon, root workers.
            Files.writeString(work.resolve("nginx.conf"), """
                    daemon off;
                    user root;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 64; }
                    http {
                        access_log off;
                        client_body_temp_path %1$s/body;
                        proxy_temp_path %1$s/proxy;
                        fastcgi_temp_path %1$s/fastcgi;
                        uwsgi_temp_path %1$s/uwsgi;
                        scgi_temp_path %1$s/scgi;
                        include %1$s/todo-api.conf;
                    }
                    """.formatted(work.toAbsolutePath()));
            nginx = new ProcessBuilder(binary.toString(), "-p", work.toString(), "-c", work.resolve("nginx.conf").toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
            if (waitForPort(proxyPort) || attempt >= 3) {
                break;
            }
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(work.resolve("error.log"));
        }
        if (!nginx.isAlive() || lostItsPort()) {
            fail("nginx did not start: " + Files.readString(work.resolve("nginx.out")) + readIfExists(work.resolve("error.log")));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (service != null) {
            service.close();
        }
    }

    /** The live stream through the same configuration: nginx passes each event at once, unbuffered. */
    @Test
    void aLiveStreamEventComesThroughTheProxyUnbuffered() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String token = TestTokens.valid(user);
        try (EventStreamLines stream = EventStreamLines.open("http://127.0.0.1:" + proxyPort, user, token)) {
            assertEquals(200, stream.status);
            assertEquals("retry: 2000", stream.next(10), "the first event, not held in a buffer");
            assertEquals(201, send("POST", "/api/" + user + "/tasks", token, "{\"title\":\"streamed\"}").statusCode());
            String data = stream.await("streamed", 10);
            assertTrue(data != null && data.startsWith("data: "), "the change arrived through nginx");
        }
    }

    /** What an MCP client is told to fetch is at the proxy, where it connected, not at the service behind it. */
    @Test
    void theMcpResourceMetadataNamesTheProxysUrl() throws Exception {
        HttpResponse<String> refused = send("POST", "/mcp", null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
        assertEquals(401, refused.statusCode());
        String base = "http://127.0.0.1:" + proxyPort;
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow()
                .contains("resource_metadata=\"" + base + "/.well-known/oauth-protected-resource/mcp\""),
                refused.headers().toString());
        HttpResponse<String> metadata = send("GET", "/.well-known/oauth-protected-resource/mcp", null, null);
        assertEquals(base + "/mcp", JSON.readTree(metadata.body()).get("resource").asText(), metadata::body);
    }

    @Test
    void listCreateConditionalUpdateAndA413GoThroughTheRecommendedProxy() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String token = TestTokens.valid(user);
        String tasks = "/api/" + user + "/tasks";

        HttpResponse<String> created = send("POST", tasks, token, "{\"title\":\"through nginx\"}");
        assertEquals(201, created.statusCode(), created::body);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertEquals(tasks + "/" + id, created.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> list = send("GET", tasks + "/", token, null);
        assertEquals(200, list.statusCode());
        assertEquals("1", list.headers().firstValue("X-Total-Count").orElseThrow());

        assertEquals(200, send("PUT", tasks + "/" + id, token, "{\"title\":\"updated\"}", "If-Match", "\"1\"").statusCode());
        HttpResponse<String> stale = send("PUT", tasks + "/" + id, token, "{\"title\":\"lost\"}", "If-Match", "\"1\"");
        assertEquals(412, stale.statusCode());
        assertTrue(stale.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));

        HttpResponse<String> tooLarge = send("POST", tasks, token, "{\"title\":\"" + "x".repeat(100_000) + "\"}");
        assertEquals(413, tooLarge.statusCode());
        assertTrue(tooLarge.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"),
                "the service's problem, not nginx's page");

        HttpResponse<String> live = send("GET", "/health/live", null, null);
        assertEquals(200, live.statusCode(), "nginx speaks HTTP/1.1 upstream, as configured");
    }

    private static HttpResponse<String> send(String method, String path, String token, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }


    /** True once nginx (not another process) listens on {@code port}; false when it lost the port to another process. */
    private static boolean waitForPort(int port) throws Exception {
        // Settled once nginx listens, gave the port up, or stopped: whichever comes first.
        Polling.await(Duration.ofSeconds(20), "nginx listening on " + port,
                () -> uncheckedLostItsPort() || !nginx.isAlive() || LocalPorts.listens(port));
        if (lostItsPort()) {
            return false;
        }
        if (!nginx.isAlive()) {
            fail("nginx stopped: " + Files.readString(work.resolve("nginx.out")) + readIfExists(work.resolve("error.log")));
        }
        return true;
    }


    private static boolean uncheckedLostItsPort() {
        try {
            return lostItsPort();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean lostItsPort() throws IOException {
        String said = readIfExists(work.resolve("nginx.out")) + readIfExists(work.resolve("error.log"));
        return said.contains("bind() to 127.0.0.1:" + proxyPort + " failed");
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
