package app.todo.adapter.in.http.account;

import app.todo.application.service.AttemptLimits;
import app.todo.application.testing.MutableClock;
import app.todo.adapter.in.http.testing.TestAccounts;
import app.todo.adapter.in.http.testing.TestServer;
import app.todo.application.memory.InMemoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import static app.todo.adapter.in.http.testing.Responses.assertProblem;
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

    /** Trust review finding 5: many addresses do not multiply the guesses one account can take. */
    @Test
    void one_email_gets_a_limited_number_of_sign_ins_from_all_addresses_together() {
        String email = "target-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < AttemptLimits.SIGN_IN_PER_EMAIL; i++) {
            assertEquals(401, signIn(email, "198.51.100." + i).statusCode(), "attempt " + (i + 1));
        }
        assertProblem(signIn(email, "198.51.100.200"), 429);
        assertEquals(401, signIn("other-" + email, "198.51.100.201").statusCode(), "other emails still may try");
    }

    @Test
    void an_ipv6_client_cannot_leave_its_limit_by_changing_the_low_64_bits() {
        for (int i = 0; i < 5; i++) {
            assertEquals(201, signUp(100 + i, "2001:db8:77::" + Integer.toHexString(i + 1)).statusCode());
        }
        assertProblem(signUp(105, "2001:db8:77::ffff"), 429);
        assertEquals(201, signUp(106, "2001:db8:78::1").statusCode(), "another /64 is another client");
    }

    private static HttpResponse<String> signIn(String email, String forwardedFor) {
        return post("/api/auth/sign-in", forwardedFor, "{\"email\": \"" + email + "\", \"password\": \"wrong password\"}");
    }

    private static HttpResponse<String> signUp(int n, String forwardedFor) {
        return post("/api/auth/sign-up", forwardedFor,
                "{\"email\": \"proxied-" + n + "@example.com\", \"password\": \"correct horse battery\"}");
    }

    private static HttpResponse<String> post(String path, String forwardedFor, String body) {
        return server.send(server.request(path, null)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
