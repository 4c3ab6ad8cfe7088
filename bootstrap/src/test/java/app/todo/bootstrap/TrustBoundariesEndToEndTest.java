package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.http.betterauth.StubBetterAuth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trust review's findings, each through the real wiring on a real store: a token source vouches
 * only for what it owns (docs/rules.md §2, trust boundaries).
 */
class TrustBoundariesEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    /** Finding 1: a claimed admin role held for that token only; the next token without it is a user. */
    @Test
    void aClaimedAdminRoleIsNeverALastingGrant() {
        try (RunningService service = RunningService.start(Map.of(
                "DATABASE_URL", RunningService.databaseUrl(app.todo.adapter.out.persistence.testing.TestPostgres.newDatabase()),
                "BETTER_AUTH_SECRET", TestTokens.SECRET, "AUTH_TRUST_ROLE_CLAIMS", "shared-secret"))) {
            String u1 = newUser();
            String claimingAdmin = TestTokens.with(u1, claims -> claims.claim("role", "admin"));

            assertEquals(200, service.send("GET", "/api/admin/users", claimingAdmin, null).statusCode());

            HttpResponse<String> later = service.send("GET", "/api/admin/users", TestTokens.valid(u1), null);
            assertEquals(403, later.statusCode(), later::body);
        }
    }

    /** Findings 2 and 3: sources never vouch for one another's users; role claims only where trusted. */
    @Test
    void aSharedSecretTokenCannotNameAnOwnAccountNorClaimAdminByDefault() throws Exception {
        try (RunningService service = RunningService.start(Map.of(
                "DATABASE_URL", RunningService.databaseUrl(app.todo.adapter.out.persistence.testing.TestPostgres.newDatabase()),
                "BETTER_AUTH_SECRET", TestTokens.SECRET))) {
            HttpResponse<String> signedUp = service.send("POST", "/api/auth/sign-up", null,
                    "{\"email\":\"own-" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse battery\"}");
            assertEquals(201, signedUp.statusCode(), signedUp::body);
            JsonNode session = JSON.readTree(signedUp.body());
            String ownId = session.get("user").get("id").asText();

            HttpResponse<String> impostor = service.send("GET", "/api/" + ownId + "/tasks", TestTokens.valid(ownId), null);
            assertEquals(401, impostor.statusCode(), impostor::body);
            assertTrue(impostor.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"));
            assertEquals(200, service.send("GET", "/api/" + ownId + "/tasks", session.get("token").asText(), null)
                    .statusCode(), "the own token still works");

            String claimingAdmin = TestTokens.with(newUser(), claims -> claims.claim("role", "admin"));
            assertEquals(403, service.send("GET", "/api/admin/users", claimingAdmin, null).statusCode(),
                    "shared-secret claims are not trusted unless AUTH_TRUST_ROLE_CLAIMS says so");

            String payload = new String(Base64.getUrlDecoder().decode(session.get("token").asText().split("\\.")[1]),
                    StandardCharsets.UTF_8);
            assertFalse(JSON.readTree(payload).has("role"), "own tokens carry no role: " + payload);
        }
    }

    /**
     * Second review, finding 1: the external sources are kept apart. The secret that checks Better Auth's session
     * cookies does not switch shared-secret tokens on, and when they are on explicitly, an HS256 token still cannot
     * name a user whom Better Auth introduced (nor the other way round).
     */
    @Test
    void aSharedSecretTokenCannotNameABetterAuthUserAndIsOffWhereTheSecretChecksSessions() throws Exception {
        try (StubBetterAuth betterAuth = new StubBetterAuth(TestTokens.SECRET)) {
            Map<String, String> sessions = Map.of(
                    "DATABASE_URL", RunningService.databaseUrl(app.todo.adapter.out.persistence.testing.TestPostgres.newDatabase()),
                    "BETTER_AUTH_URL", betterAuth.url().toString(),
                    "BETTER_AUTH_SECRET", TestTokens.SECRET);
            String baUser = "ba-" + UUID.randomUUID();
            String session = betterAuth.signIn(baUser, "ba@example.com", "user", false);
            try (RunningService service = RunningService.start(sessions)) {
                assertEquals(200, service.send("GET", "/api/" + baUser + "/tasks", session, null).statusCode());
                String stranger = newUser();
                assertEquals(401, service.send("GET", "/api/" + stranger + "/tasks", TestTokens.valid(stranger), null)
                        .statusCode(), "shared-secret tokens are off: the secret is there for the session cookies");
            }
            Map<String, String> both = new java.util.HashMap<>(sessions);
            both.put("AUTH_SHARED_SECRET_TOKENS", "true");
            try (RunningService service = RunningService.start(both)) {
                HttpResponse<String> impostor = service.send("GET", "/api/" + baUser + "/tasks", TestTokens.valid(baUser), null);
                assertEquals(401, impostor.statusCode(), impostor::body);
                String hsUser = newUser();
                assertEquals(200, service.send("GET", "/api/" + hsUser + "/tasks", TestTokens.valid(hsUser), null).statusCode());
                String hsSession = betterAuth.signIn(hsUser, "hs@example.com", "user", false);
                assertEquals(401, service.send("GET", "/api/" + hsUser + "/tasks", hsSession, null).statusCode(),
                        "nor does Better Auth speak for a user the shared secret introduced");
                assertEquals(200, service.send("GET", "/api/" + baUser + "/tasks", session, null).statusCode());
            }
        }
    }

    /** Finding 9: shared-secret tokens live a day at most, and need the audience when one is configured. */
    @Test
    void sharedSecretTokensHaveAMaximumLifetimeAndTheConfiguredAudience() {
        try (RunningService service = RunningService.start(Map.of(
                "DATABASE_URL", RunningService.databaseUrl(app.todo.adapter.out.persistence.testing.TestPostgres.newDatabase()),
                "BETTER_AUTH_SECRET", TestTokens.SECRET, "AUTH_AUDIENCE", "todo-api"))) {
            String user = newUser();
            Instant now = Instant.now();
            String century = TestTokens.with(user, claims -> claims.audience("todo-api").issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofDays(36500)))));
            String dayAndAnHour = TestTokens.with(user, claims -> claims.audience("todo-api").issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofHours(25)))));
            String noAudience = TestTokens.valid(user);
            String fine = TestTokens.with(user, claims -> claims.audience("todo-api"));

            assertEquals(401, service.send("GET", "/api/" + user + "/tasks", century, null).statusCode());
            assertEquals(401, service.send("GET", "/api/" + user + "/tasks", dayAndAnHour, null).statusCode());
            assertEquals(401, service.send("GET", "/api/" + user + "/tasks", noAudience, null).statusCode());
            assertEquals(200, service.send("GET", "/api/" + user + "/tasks", fine, null).statusCode());
        }
    }

    /** Finding 10: the embedded database's files (password hashes, the private key) are the owner's only. */
    @Test
    void theEmbeddedDatabaseIsReadableByItsOwnerOnly() throws Exception {
        Path parent = Files.createTempDirectory("todo-perms");
        Path dataDir = parent.resolve("data");
        try (RunningService ignored = RunningService.start(Map.of("DATA_DIR", dataDir.toString()))) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(dataDir));
            try (Stream<Path> files = Files.list(dataDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                            Files.getPosixFilePermissions(file), file::toString);
                }
            }
        }
    }
}
