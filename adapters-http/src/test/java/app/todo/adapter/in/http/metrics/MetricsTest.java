package app.todo.adapter.in.http.metrics;

import app.todo.adapter.out.token.TokenVerificationMetrics;
import app.todo.adapter.out.token.TokenVerifiers;
import app.todo.adapter.in.http.testing.OpenApiContract;
import app.todo.application.testing.Polling;
import app.todo.adapter.in.http.testing.PrometheusText;
import app.todo.adapter.in.http.testing.TestServer;
import app.todo.adapter.in.http.testing.TestTokens;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /metrics} of a server wired as bootstrap wires it: the registry handed in, the token verifier counting. */
class MetricsTest {

    private static final String REQUESTS = "http_server_requests_seconds_count";
    private static final String TASKS = "/api/{user_id}/tasks";
    private static final String TASK = "/api/{user_id}/tasks/{id}";

    private PrometheusMeterRegistry registry;
    private TestServer server;

    @BeforeEach
    void start() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        server = TestServer.start(UnaryOperator.identity(), () -> true,
                TokenVerifiers.builder(Clock.systemUTC())
                        .sharedSecret(TestTokens.SECRET)
                        .listener(TokenVerificationMetrics.on(registry))
                        .build(),
                builder -> builder.metrics(registry));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String token) {
        HttpResponse<String> response = server.get(path, token);
        OpenApiContract.check(response);
        return response;
    }

    private PrometheusText scrape() {
        HttpResponse<String> response = get("/metrics", null);
        assertEquals(200, response.statusCode(), response::body);
        return PrometheusText.parse(response.body());
    }

    /**
     * A request is counted just after its response is sent, so a scrape right after it may come first:
     * scrape until {@code name} with these labels has reached {@code atLeast} (10 s at most), then let the
     * test assert the exact figures on that scrape.
     */
    private PrometheusText scrapeOnceCounted(String name, Map<String, String> labels, double atLeast) {
        return Polling.until(Duration.ofSeconds(10), this::scrape, metrics -> sum(metrics, name, labels) >= atLeast);
    }

    private static double sum(PrometheusText metrics, String name, Map<String, String> labels) {
        return metrics.samples(name, labels).stream().mapToDouble(PrometheusText.Sample::value).sum();
    }

    private static Map<String, String> request(String method, String route, int status) {
        return Map.of("method", method, "route", route, "status", String.valueOf(status));
    }

    @Test
    void requestsAreCountedByMethodRouteTemplateAndStatus() {
        String user = "user-" + UUID.randomUUID();
        String token = TestTokens.valid(user);
        assertEquals(200, get("/api/" + user + "/tasks", token).statusCode());
        assertEquals(200, get("/api/" + user + "/tasks?limit=5", token).statusCode());
        HttpResponse<String> created = server.json("POST", "/api/" + user + "/tasks", token, "{\"title\":\"Count me\"}");
        OpenApiContract.check(created);
        assertEquals(201, created.statusCode());
        assertEquals(404, get("/api/" + user + "/tasks/987654", token).statusCode());
        assertEquals(404, get("/no/such/route/" + UUID.randomUUID(), null).statusCode());

        // Counters only grow: the last of these scrapes has every request in.
        scrapeOnceCounted(REQUESTS, request("GET", TASKS, 200), 2);
        scrapeOnceCounted(REQUESTS, request("POST", TASKS, 201), 1);
        scrapeOnceCounted(REQUESTS, request("GET", TASK, 404), 1);
        PrometheusText metrics = scrapeOnceCounted(REQUESTS, request("GET", HttpRequestMetrics.UNMATCHED, 404), 1);

        assertEquals(2, metrics.value(REQUESTS, request("GET", TASKS, 200)));
        assertEquals(1, metrics.value(REQUESTS, request("POST", TASKS, 201)));
        assertEquals(1, metrics.value(REQUESTS, request("GET", TASK, 404)));
        assertEquals(1, metrics.value(REQUESTS, request("GET", HttpRequestMetrics.UNMATCHED, 404)));
        assertTrue(metrics.value("http_server_requests_seconds_sum", request("GET", TASKS, 200)) > 0,
                "the time spent is recorded");
        assertTrue(metrics.samples(REQUESTS, Map.of()).stream()
                        .noneMatch(s -> s.labels().get("route").contains(user) || s.labels().get("route").contains("no/such")),
                "no concrete path becomes a label");
    }

    @Test
    void theLatencyHistogramHasBucketsFromHalfAMillisecondToFiveSeconds() {
        String user = "user-" + UUID.randomUUID();
        get("/api/" + user + "/tasks", TestTokens.valid(user));

        PrometheusText metrics = scrapeOnceCounted("http_server_requests_seconds_bucket",
                Map.of("method", "GET", "route", TASKS, "status", "200", "le", "+Inf"), 1);

        Map<String, Double> buckets = metrics.samples("http_server_requests_seconds_bucket", request("GET", TASKS, 200))
                .stream().collect(Collectors.toMap(s -> s.labels().get("le"), PrometheusText.Sample::value));
        assertEquals(Set.of("5.0E-4", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5",
                "1.0", "2.5", "5.0", "+Inf"), buckets.keySet());
        assertEquals(1, buckets.get("+Inf"));
        assertTrue(buckets.get("5.0E-4") <= buckets.get("5.0"), "buckets are cumulative");
    }

    @Test
    void manyUsersMakeOneSeriesPerRouteTemplate() {
        for (int i = 0; i < 25; i++) {
            String user = "user-" + UUID.randomUUID();
            assertEquals(200, get("/api/" + user + "/tasks", TestTokens.valid(user)).statusCode());
        }
        HttpResponse<String> odd = server.send(server.request("/api/someone/tasks", null)
                .method("BREW", HttpRequest.BodyPublishers.noBody()).build());
        assertTrue(odd.statusCode() >= 400, "an unknown method is refused");

        PrometheusText metrics = scrapeOnceCounted(REQUESTS, request("GET", TASKS, 200), 25);

        assertEquals(25, metrics.value(REQUESTS, request("GET", TASKS, 200)));
        assertEquals(1, metrics.samples(REQUESTS, Map.of("route", TASKS, "method", "GET")).size(),
                "one series for every user's list requests");
        assertTrue(metrics.samples(REQUESTS, Map.of()).stream().allMatch(s -> Set.of("GET", "POST", "PUT", "PATCH",
                        "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT", "OTHER").contains(s.labels().get("method"))),
                "a client's made-up method does not become a label");
    }

    @Test
    void tokenVerificationsAreCountedByOutcomeAndSource() {
        String user = "user-" + UUID.randomUUID();
        String token = TestTokens.valid(user);
        get("/api/" + user + "/tasks", token);
        get("/api/" + user + "/tasks", token);
        assertEquals(401, get("/api/" + user + "/tasks", TestTokens.signedWithOtherSecret(user)).statusCode());
        assertEquals(401, get("/api/" + user + "/tasks", TestTokens.unsigned(user)).statusCode());
        String banned = TestTokens.with(user + "-banned", b -> b.claim("banned", true));
        assertEquals(403, get("/api/" + user + "-banned/tasks", banned).statusCode());

        PrometheusText metrics = scrapeOnceCounted(REQUESTS, request("GET", TASKS, 401), 2);

        String name = "auth_token_verifications_total";
        assertEquals(1, metrics.value(name, Map.of("outcome", "accepted", "source", "shared_secret")));
        assertEquals(1, metrics.value(name, Map.of("outcome", "cached", "source", "none")));
        assertEquals(1, metrics.value(name, Map.of("outcome", "rejected", "source", "shared_secret")));
        assertEquals(1, metrics.value(name, Map.of("outcome", "rejected", "source", "none")));
        assertEquals(1, metrics.value(name, Map.of("outcome", "banned", "source", "shared_secret")));
        assertEquals(2, metrics.value(REQUESTS, request("GET", TASKS, 401)),
                "refused before routing, yet named by the route it was for");
    }

    @Test
    void metricsArePrometheusTextUnlessOpenMetricsIsPreferred() {
        HttpResponse<String> plain = get("/metrics", null);
        assertEquals(MetricsRoutes.PROMETHEUS_TEXT, plain.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(plain.headers().firstValue("X-Request-Id").isPresent());

        HttpResponse<String> open = server.send(server.request("/metrics", null)
                .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5").GET().build());
        OpenApiContract.check(open);
        assertEquals(MetricsRoutes.OPEN_METRICS_TEXT, open.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(open.body().strip().endsWith("# EOF"), "OpenMetrics ends with # EOF");
    }

    @Test
    void onlyGetIsAllowed() {
        HttpResponse<String> post = server.json("POST", "/metrics", null, null);
        OpenApiContract.check(post);
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
    }
}
