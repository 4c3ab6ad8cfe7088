package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.persistence.testing.StubBetterAuth;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Better Auth hung: session-token requests get 503 with Retry-After, JWT requests do not notice. */
class BetterAuthUnavailableTest {

    @Test
    void aHungBetterAuthIs503ForSessionTokensOnlyAndHs256KeepsWorking() throws Exception {
        try (StubBetterAuth betterAuth = new StubBetterAuth(TestTokens.SECRET);
             RunningService service = RunningService.start(Map.of(
                     "DATA_DIR", Files.createTempDirectory("todo-ba-down").toString(),
                     "BETTER_AUTH_URL", betterAuth.url().toString(),
                     "BETTER_AUTH_SECRET", TestTokens.SECRET))) {
            String token = betterAuth.signIn("ba-down", null, null, false);
            betterAuth.stall();

            HttpResponse<String> session = service.send("GET", "/api/ba-down/tasks", token, null);
            assertEquals(503, session.statusCode(), session::body);
            assertTrue(session.headers().firstValue("Retry-After").isPresent());

            assertEquals(200, service.send("GET", "/api/hs-user/tasks", TestTokens.valid("hs-user"), null).statusCode());
        }
    }
}
