package app.todo.bootstrap;

import app.todo.adapter.out.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contract §2: "rate limits hold across all instances". Two instances on one PostgreSQL database count
 * one client's attempts together, so spreading them over instances gains nothing.
 */
class RateLimitsAcrossInstancesTest {

    @Test
    void signInAttemptsSpreadOverTwoInstancesMeetOneLimit() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", RunningService.databaseUrl(TestPostgres.newDatabase()));
        try (RunningService a = RunningService.start(env); RunningService b = RunningService.start(env)) {
            String email = "guessed-" + UUID.randomUUID() + "@example.com";
            String wrong = "{\"email\":\"" + email + "\",\"password\":\"not the password\"}";
            for (int i = 0; i < 5; i++) {
                RunningService instance = i % 2 == 0 ? a : b;
                assertEquals(401, instance.send("POST", "/api/auth/sign-in", null, wrong).statusCode(),
                        "attempt " + (i + 1) + " is within the limit of 5 a minute");
            }

            for (RunningService instance : new RunningService[] {a, b}) {
                HttpResponse<String> refused = instance.send("POST", "/api/auth/sign-in", null, wrong);
                assertEquals(429, refused.statusCode(), "the sixth attempt, whichever instance it tries");
                int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            }
        }
    }

    @Test
    void signUpsSpreadOverTwoInstancesMeetOneLimit() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", RunningService.databaseUrl(TestPostgres.newDatabase()));
        try (RunningService a = RunningService.start(env); RunningService b = RunningService.start(env)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(201, signUp(i % 2 == 0 ? a : b).statusCode(), "sign-up " + (i + 1));
            }
            assertEquals(429, signUp(a).statusCode());
            assertEquals(429, signUp(b).statusCode());
        }
    }

    private static HttpResponse<String> signUp(RunningService instance) throws Exception {
        return instance.send("POST", "/api/auth/sign-up", null,
                "{\"email\":\"new-" + UUID.randomUUID() + "@example.com\",\"password\":\"a good password\"}");
    }
}
