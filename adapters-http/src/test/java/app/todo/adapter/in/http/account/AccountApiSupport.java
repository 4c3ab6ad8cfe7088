package app.todo.adapter.in.http.account;

import app.todo.application.service.AdminBootstrap;
import app.todo.domain.user.Email;
import java.util.Set;

import app.todo.application.testing.MutableClock;
import app.todo.adapter.in.http.testing.TestAccounts;
import app.todo.adapter.in.http.testing.TestServer;
import app.todo.application.memory.InMemoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The real server on a socket with the account and admin routes and CORS ({@link TestAccounts}), on a
 * clock the tests move: each test starts a few minutes later than the one before, so rate-limit
 * windows never leak between tests. Every answer is checked against the OpenAPI document.
 */
abstract class AccountApiSupport {

    static final String PASSWORD = "correct horse battery";
    static final String ADMIN_EMAIL = TestAccounts.ADMIN_EMAIL;
    static final String FRONTEND = TestAccounts.FRONTEND;

    static final MutableClock CLOCK = new MutableClock(Instant.now());
    static InMemoryStore store;
    static TestServer server;
    static AdminBootstrap adminBootstrap;

    /** An email no other test uses. */
    final String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    @BeforeAll
    static void startServer() {
        store = new InMemoryStore();
        adminBootstrap = AdminBootstrap.forEmails(Set.of(new Email(ADMIN_EMAIL)));
        server = TestServer.start(store, TestAccounts.routes(store, CLOCK, ClientAddress.SOCKET, adminBootstrap));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void nextWindow() {
        // Every limit's bucket is full again: the slowest, 20 attempts back at one a minute, takes 20 minutes.
        CLOCK.advance(Duration.ofMinutes(30));
    }

    static HttpResponse<String> signUp(String email, String password) {
        return post("/api/auth/sign-up", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
    }

    static HttpResponse<String> signIn(String email, String password) {
        return post("/api/auth/sign-in", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
    }

    static HttpResponse<String> post(String path, String body) {
        return server.json("POST", path, null, body);
    }
}
