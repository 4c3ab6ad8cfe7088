package app.todo.adapter.http.account;

import app.todo.adapter.http.auth.MutableClock;
import app.todo.adapter.http.testing.TestAccounts;
import app.todo.adapter.http.testing.TestServer;
import app.todo.application.memory.InMemoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import static app.todo.adapter.http.testing.Responses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Behind one trusted reverse proxy, the limits count the address that proxy saw. */
class ForwardedForTest {

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        InMemoryStore store = new InMemoryStore();
        server = TestServer.start(store, TestAccounts.routes(store, new MutableClock(Instant.now()),
                ClientAddress.LAST_FORWARDED_FOR));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void each_client_behind_the_proxy_has_its_own_limit_and_cannot_forge_one() {
        for (int i = 0; i < 5; i++) {
            assertEquals(201, signUp(i, "203.0.113.7").statusCode());
        }

        // A client that puts its own entry first still ends with the address the proxy appended.
        assertProblem(signUp(5, "198.51.100.1, 203.0.113.7"), 429);
        assertEquals(201, signUp(6, "203.0.113.8").statusCode(), "another client behind the same proxy");
    }

    private static HttpResponse<String> signUp(int n, String forwardedFor) {
        return server.send(server.request("/api/auth/sign-up", null)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\": \"proxied-" + n + "@example.com\", \"password\": \"correct horse battery\"}"))
                .build());
    }
}
