package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Second trust review, finding 3: 10,000 distinct valid tokens, each naming a user with a 5,900-character name (as
 * any Better Auth user can mint through its JWKS, or a shared-secret holder sign), against the heap bin/run gives
 * the service (96 MiB): every answer is a 2xx or 4xx, and the liveness probe answers throughout. Before, the
 * verified-token cache kept every name whole and the heap ran out near the 9,800th token.
 */
class ClaimFloodTest {

    private static final int TOKENS = 10_000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void tenThousandTokensWithHugeNamesAreAnsweredAndLivenessHoldsAtTheDefaultHeap() throws Exception {
        String name = "n".repeat(5_500); // the token stays under the 8 KiB every token is held to
        try (ServiceProcess service = ServiceProcess.startWithRunsHeap("flood", Map.of(
                "DATA_DIR", Files.createTempDirectory("todo-flood").toString(), "BETTER_AUTH_SECRET", TestTokens.SECRET))) {
            service.awaitReady(Duration.ofSeconds(90));
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicInteger failedProbes = new AtomicInteger();
            AtomicBoolean flooding = new AtomicBoolean(true);
            // A probe every 200 ms while the flood lasts, as an orchestrator's liveness check would.
            java.util.concurrent.ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
            probe.scheduleWithFixedDelay(() -> {
                if (flooding.get() && status(service, "/health/live", null, Duration.ofSeconds(2)) != 200) {
                    failedProbes.incrementAndGet();
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
            ExecutorService senders = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int first = t;
                    sent.add(senders.submit(() -> {
                        for (int i = first; i < TOKENS; i += 16) {
                            String user = "flood-" + i + "-" + UUID.randomUUID();
                            String token = TestTokens.with(user, claims -> claims.claim("name", name));
                            int status = status(service, "/api/" + user + "/tasks", token, Duration.ofSeconds(30));
                            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : sent) {
                    f.get(300, TimeUnit.SECONDS);
                }
            } finally {
                flooding.set(false);
                senders.shutdownNow();
                probe.shutdown();
                probe.awaitTermination(10, TimeUnit.SECONDS);
            }
            assertTrue(statuses.keySet().stream().allMatch(status -> status >= 200 && status < 500),
                    () -> "only 2xx and 4xx: " + statuses);
            assertEquals(TOKENS, statuses.values().stream().mapToInt(AtomicInteger::get).sum());
            assertEquals(0, failedProbes.get(), "/health/live answered throughout");
            assertEquals(200, status(service, "/health/live", null, Duration.ofSeconds(5)));
        }
    }

    private static int status(ServiceProcess service, String path, String token, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).timeout(timeout);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
