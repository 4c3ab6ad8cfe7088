package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.http.betterauth.StubBetterAuth;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Better Auth hung or its key set unreachable: the requests that needed it get 503 with Retry-After (never a
 * 401, on which frontends sign their user out); requests that did not need it do not notice.
 */
class BetterAuthUnavailableTest {

    @Test
    void aHungBetterAuthIs503ForSessionTokensOnlyAndHs256KeepsWorking() throws Exception {
        try (StubBetterAuth betterAuth = new StubBetterAuth(TestTokens.SECRET);
             RunningService service = RunningService.start(Map.of(
                     "DATA_DIR", Files.createTempDirectory("todo-ba-down").toString(),
                     "BETTER_AUTH_URL", betterAuth.url().toString(),
                     "BETTER_AUTH_SECRET", TestTokens.SECRET,
                     "AUTH_SHARED_SECRET_TOKENS", "true"))) {
            String token = betterAuth.signIn("ba-down", null, null, false);
            betterAuth.stall();

            HttpResponse<String> session = service.send("GET", "/api/ba-down/tasks", token, null);
            assertEquals(503, session.statusCode(), session::body);
            assertTrue(session.headers().firstValue("Retry-After").isPresent());

            assertEquals(200, service.send("GET", "/api/hs-user/tasks", TestTokens.valid("hs-user"), null).statusCode());
        }
    }

    @Test
    void aKeySetThatCannotBeFetchedIs503WithRetryAfterNotAnUnknownKey() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (RunningService service = RunningService.start(Map.of(
                "DATA_DIR", Files.createTempDirectory("todo-jwks-down").toString(),
                "AUTH_JWKS_URL", "http://127.0.0.1:" + closedPort + "/api/auth/jwks"))) {
            String jwt = TestTokens.own("jwks-user").compactJws(); // a key this service does not hold: looked up in the JWKS

            HttpResponse<String> refused = service.send("GET", "/api/jwks-user/tasks", jwt, null);

            assertEquals(503, refused.statusCode(), refused::body);
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").isEmpty(), "not a token problem");
        }
    }
}
