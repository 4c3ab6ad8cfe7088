package app.todo.adapter.http.account;

import app.todo.adapter.http.CorsFilter;
import app.todo.adapter.http.HttpConfig;
import app.todo.adapter.http.RequestBodies;
import app.todo.adapter.http.auth.MutableClock;
import app.todo.adapter.http.testing.TestServer;
import app.todo.adapter.http.testing.TestTokens;
import app.todo.application.memory.InMemoryStore;
import app.todo.application.service.ChangeUserService;
import app.todo.application.service.ListUsersService;
import app.todo.application.service.SignInService;
import app.todo.application.service.SignUpService;
import app.todo.domain.user.Email;
import app.todo.domain.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The real server on a socket with the account and admin routes and CORS, over the in-memory store,
 * real Argon2 hashing with cheap parameters, and a clock the tests move: each test starts a few minutes
 * later than the one before, so rate-limit windows never leak between tests.
 */
abstract class AccountApiSupport {

    static final String PASSWORD = "correct horse battery";
    static final String ADMIN_EMAIL = "boss@example.com";
    static final String FRONTEND = "http://localhost:3000";
    static final String JWKS = """
            {"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","kid":"test-key","alg":"EdDSA","use":"sig"}]}""";

    static final MutableClock CLOCK = new MutableClock(Instant.now());
    static InMemoryStore store;
    static TestServer server;

    /** An email no other test uses. */
    final String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    @BeforeAll
    static void startServer() {
        store = new InMemoryStore();
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2PasswordHasherTest.CHEAP);
        RequestBodies bodies = new RequestBodies(HttpConfig.DEFAULT_MAX_BODY_BYTES);
        AccountRoutes accounts = new AccountRoutes(
                new SignUpService(store.users(), store.credentials(), hasher, store.transactions(), CLOCK,
                        Set.of(new Email(ADMIN_EMAIL))),
                new SignInService(store.credentials(), store.users(), hasher),
                AccountApiSupport::sessionFor, () -> JWKS,
                AccountRateLimits.perContract(CLOCK, ClientAddress.SOCKET), bodies);
        AdminRoutes admin = new AdminRoutes(new ListUsersService(store.userDirectory()),
                new ChangeUserService(store.userDirectory()), bodies);
        server = TestServer.start(store, builder -> {
            accounts.registerOn(builder);
            admin.registerOn(builder);
            builder.addFilter(new CorsFilter(List.of(FRONTEND)));
        });
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void nextWindow() {
        CLOCK.advance(Duration.ofMinutes(2));
    }

    /** Tokens the test server's shared-secret verifier accepts, valid for an hour of real time. */
    private static SessionTokens.Session sessionFor(User user) {
        Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        return new SessionTokens.Session(TestTokens.with(user.id().value(),
                claims -> claims.expirationTime(Date.from(expiresAt))), expiresAt);
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
