package app.todo.bootstrap;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trust review finding 4: a burst of sign-ins (each an Argon2 hash at the production parameters) must
 * not starve the server. Hashes run on a bounded pool of platform threads with a bounded queue; the rest
 * are refused at once with 503 and Retry-After, and the liveness probe keeps answering meanwhile.
 */
class SignInBurstTest {

    private static final int BURST = 64;

    @Test
    void sixtyFourConcurrentSignInsNeitherStallTheLivenessProbeNorQueueWithoutBound() throws Exception {
        try (RunningService service = RunningService.start(Map.of(
                "DATA_DIR", Files.createTempDirectory("todo-burst").toString(), "TRUST_PROXY", "true",
                // More than the burst may run at once, so that the hasher's own bound is what answers it.
                "MAX_CONCURRENT_REQUESTS", "200"))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + service.port();
            List<CompletableFuture<HttpResponse<String>>> signIns = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                signIns.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/auth/sign-in"))
                        .header("Content-Type", "application/json")
                        // One address each, so the per-address limit does not answer for the hasher.
                        .header("X-Forwarded-For", "198.51.100." + i)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"nobody-" + i + "@example.com\",\"password\":\"wrong password\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }

            // While the burst is being hashed, the probe is answered; a 2 s client timeout bounds it.
            HttpResponse<String> live = client.send(HttpRequest.newBuilder(URI.create(base + "/health/live"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode());

            int refused = 0;
            for (CompletableFuture<HttpResponse<String>> signIn : signIns) {
                HttpResponse<String> answer = signIn.get(60, TimeUnit.SECONDS);
                assertTrue(Set.of(401, 503).contains(answer.statusCode()), answer::body);
                if (answer.statusCode() == 503) {
                    refused++;
                    assertEquals("1", answer.headers().firstValue("Retry-After").orElseThrow());
                }
            }
            assertTrue(refused > 0, "a bounded queue refuses part of a burst of " + BURST + " at once");
        }
    }
}
