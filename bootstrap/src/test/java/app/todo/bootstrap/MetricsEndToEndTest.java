package app.todo.bootstrap;

import app.todo.application.testing.Polling;
import app.todo.adapter.in.http.testing.PrometheusText;
import app.todo.adapter.in.http.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /metrics} of the real wiring: the pool, the JVM, the requests and the token checks in one registry. */
class MetricsEndToEndTest {

    private static final Map<String, String> POOL = Map.of("pool", "todo-db");

    @Test
    void oneScrapeShowsRequestsTokensPoolAndJvm() {
        try (RunningService service = RunningService.onFreshPostgres()) {
            scrapeAfterSomeRequests(service);
        }
    }

    private static void scrapeAfterSomeRequests(RunningService service) {
        String user = "user-" + UUID.randomUUID();
        assertEquals(201, service.send("POST", "/api/" + user + "/tasks", TestTokens.valid(user),
                "{\"title\":\"Measured\"}").statusCode());
        assertEquals(401, service.send("GET", "/api/" + user + "/tasks",
                TestTokens.signedWithOtherSecret(user), null).statusCode());

        // The request counter is recorded just after the response is sent: scrape until it is in (10 s at most).
        Map<String, String> created = Map.of("method", "POST", "route", "/api/{user_id}/tasks", "status", "201");
        PrometheusText metrics = Polling.until(java.time.Duration.ofSeconds(10), () -> scrape(service),
                scraped -> !scraped.samples("http_server_requests_seconds_count", created).isEmpty());

        assertEquals(1, metrics.value("http_server_requests_seconds_count",
                Map.of("method", "POST", "route", "/api/{user_id}/tasks", "status", "201")));
        assertEquals(1, metrics.value("auth_token_verifications_total",
                Map.of("outcome", "accepted", "source", "shared_secret")));
        assertEquals(1, metrics.value("auth_token_verifications_total",
                Map.of("outcome", "rejected", "source", "shared_secret")));

        assertTrue(metrics.value("hikaricp_connections_max", POOL) >= 1);
        for (String gauge : new String[] {"hikaricp_connections_active", "hikaricp_connections_idle",
                "hikaricp_connections_pending"}) {
            assertTrue(metrics.value(gauge, POOL) >= 0, gauge);
        }
        assertTrue(metrics.value("hikaricp_connections_acquire_seconds_count", POOL) >= 1,
                "the wait for a connection is timed");

        assertTrue(metrics.samples("jvm_memory_used_bytes", Map.of("area", "heap")).stream()
                .mapToDouble(PrometheusText.Sample::value).sum() > 0, "heap in use");
        assertTrue(metrics.value("jvm_threads_live_threads", Map.of()) > 0);
        assertTrue(metrics.has("jvm_gc_memory_allocated_bytes_total"), "GC meters are bound");
        assertTrue(metrics.value("process_uptime_seconds", Map.of()) > 0);
    }

    private static PrometheusText scrape(RunningService service) {
        HttpResponse<String> response = service.send("GET", "/metrics", null, null);
        assertEquals(200, response.statusCode());
        return PrometheusText.parse(response.body());
    }
}
