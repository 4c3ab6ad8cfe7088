package app.todo.adapter.in.http.account;

import app.todo.application.memory.InMemoryPasswordHasher;
import app.todo.application.memory.InMemoryRateLimiter;
import app.todo.application.service.AttemptLimits;
import app.todo.application.service.SigningKeyRing;
import app.todo.adapter.in.http.HttpConfig;
import app.todo.adapter.in.http.RequestBodies;
import app.todo.adapter.out.token.Ed25519TokenIssuer;
import app.todo.adapter.out.token.OwnSigningKeys;
import app.todo.adapter.out.token.TokenVerifiers;
import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.application.port.in.AccountUseCases;
import app.todo.application.service.AccessTokenService;
import app.todo.adapter.in.http.testing.Responses;
import app.todo.adapter.in.http.testing.TestAccounts;
import app.todo.adapter.in.http.testing.TestServer;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.application.memory.InMemoryStore;
import app.todo.application.service.AdminBootstrap;
import app.todo.domain.user.Email;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import static app.todo.adapter.in.http.testing.Responses.assertProblem;
import static app.todo.adapter.in.http.testing.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The production set-up of own accounts, end to end over a socket (passwords hashed in memory: Argon2id has
 * its own tests): the signing key loaded through the store, tokens signed with it and checked by the real verifier
 * chain, and the key published at /api/auth/jwks.
 */
class OwnTokensTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String BOSS = "boss@example.com";

    private static final AdminBootstrap BOOTSTRAP = AdminBootstrap.forEmails(Set.of(new Email(BOSS)));
    private static final String BOSS_TOKEN = BOOTSTRAP.tokensToAnnounce().get(new Email(BOSS));

    private static InMemoryStore store;
    private static OwnSigningKeys keys;
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        Clock clock = Clock.systemUTC();
        store = new InMemoryStore();
        keys = ring(clock);
        InMemoryPasswordHasher hasher = new InMemoryPasswordHasher();
        RequestBodies bodies = new RequestBodies(HttpConfig.DEFAULT_MAX_BODY_BYTES);
        AccessTokenVerifier verifier = TokenVerifiers.builder(clock).sharedSecret(TestTokens.SECRET).ownKeys(keys).build();
        AccessTokenService tokens = new AccessTokenService(verifier,
                new Ed25519TokenIssuer(keys, clock, Duration.ofHours(1), Optional.empty(), Optional.empty()));
        AccountUseCases useCases = TestAccounts.useCases(store, hasher, clock, BOOTSTRAP);
        AccountRoutes accounts = new AccountRoutes(useCases, tokens, tokens,
                new AccountRateLimits(new AttemptLimits(new InMemoryRateLimiter(clock)), ClientAddress.SOCKET), bodies);
        AdminRoutes admin = new AdminRoutes(useCases.listUsers(), useCases.changeUser(), bodies);
        server = TestServer.start(store, verifier, builder -> {
                    builder.accounts(accounts, admin);
                });
    }

    private static OwnSigningKeys ring(Clock clock) {
        return OwnSigningKeys.rotating(new SigningKeyRing(store.signingKeys(), TestTokens.keyGenerator(clock), clock,
                SigningKeyRing.DEFAULT_ROTATION, Duration.ofMinutes(16)));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void a_token_from_sign_in_is_signed_by_the_published_key_and_opens_the_api() throws IOException {
        server.json("POST", "/api/auth/sign-up", null, body("ana@example.com"));

        HttpResponse<String> signedIn = server.json("POST", "/api/auth/sign-in", null, body("ana@example.com"));
        HttpResponse<String> jwks = server.get("/api/auth/jwks", null);

        String token = json(signedIn).get("token").asText();
        JsonNode header = decodedJson(token.substring(0, token.indexOf('.')));
        assertEquals("EdDSA", header.get("alg").asText());
        assertEquals(json(jwks).get("keys").get(0).get("kid").asText(), header.get("kid").asText());
        HttpResponse<String> me = server.get("/api/auth/me", token);
        assertEquals(200, me.statusCode(), me::body);
        assertEquals(json(signedIn).get("user"), json(me).get("user"));
    }

    /** A token of the own key that names no session (as a leaked key could mint) is refused: sign-out could not end it. */
    @Test
    void an_own_token_without_a_session_is_refused() throws IOException {
        JsonNode account = json(server.json("POST", "/api/auth/sign-up", null, body("sid-less@example.com")));
        String userId = account.get("user").get("id").asText();
        String sessionless = new Ed25519TokenIssuer(keys, Clock.systemUTC(), Duration.ofHours(1), Optional.empty(),
                Optional.empty()).issue(userId, "sid-less@example.com", null, null).compactJws();

        assertEquals(200, server.get("/api/auth/me", account.get("token").asText()).statusCode());
        assertProblem(server.get("/api/auth/me", sessionless), 401);
    }

    @Test
    void the_key_stays_the_same_for_another_instance_over_the_same_store() {
        OwnSigningKeys again = ring(Clock.systemUTC());

        assertEquals(keys.jwksJson(), again.jwksJson());
    }

    @Test
    void a_demoted_admin_loses_the_admin_routes_at_the_next_request_though_their_token_lives_on() {
        String bossToken = json(server.json("POST", "/api/auth/sign-up", null, body(BOSS))).get("token").asText();
        assertEquals(200, server.json("POST", "/api/auth/claim-admin", bossToken,
                "{\"token\": \"" + BOSS_TOKEN + "\"}").statusCode());
        JsonNode boss = json(server.get("/api/auth/me", bossToken)).get("user");
        assertEquals("admin", boss.get("role").asText());
        assertEquals(200, server.get("/api/admin/users", bossToken).statusCode());

        String otherAdmin = TestTokens.with("other-admin", claims -> claims.claim("role", "admin"));
        HttpResponse<String> demoted = server.json("PATCH", "/api/admin/users/" + boss.get("id").asText(), otherAdmin,
                "{\"role\": \"user\"}");

        assertEquals(200, demoted.statusCode(), demoted::body);
        assertProblem(server.get("/api/admin/users", bossToken), 403);
    }

    private static String body(String email) {
        return "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}";
    }

    /** A JWT's header segment, decoded. */
    private static JsonNode decodedJson(String base64Url) throws IOException {
        return Responses.JSON.readTree(new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8));
    }
}
