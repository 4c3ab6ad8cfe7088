package app.todo.bootstrap;

import app.todo.application.testing.Polling;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Standalone mode through the real wiring: own accounts, own EdDSA tokens, admin, CORS. */
class AccountsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** Settings for instances sharing a fresh PostgreSQL database, with {@code ADMIN_EMAILS} one address. */
    private static Map<String, String> newDatabaseWithAdminEmail(String adminEmail) {
        return Map.of("DATABASE_URL", RunningService.databaseUrl(TestPostgres.newDatabase()), "ADMIN_EMAILS", adminEmail);
    }

    private static String email() {
        return "someone-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void withNoConfigurationAtAllANewUserSignsUpAndWorks(@TempDir Path dataDir) throws Exception {
        // Only where the embedded database lives: no secret, no JWKS, no database URL.
        try (RunningService service = RunningService.start(Map.of("DATA_DIR", dataDir.toString()))) {
            String email = email();
            HttpResponse<String> signUp = service.send("POST", "/api/auth/sign-up", null,
                    "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"name\":\"Ada\"}");
            assertEquals(201, signUp.statusCode(), signUp.body());
            JsonNode body = json(signUp);
            String id = body.get("user").get("id").asText();
            String token = body.get("token").asText();
            assertEquals("user", body.get("user").get("role").asText());

            assertEquals(201, service.send("POST", "/api/" + id + "/tasks", token, "{\"title\":\"First\"}").statusCode());
            HttpResponse<String> list = service.send("GET", "/api/" + id + "/tasks", token, null);
            assertEquals("First", json(list).get(0).get("title").asText());

            HttpResponse<String> me = service.send("GET", "/api/auth/me", token, null);
            assertEquals(email, json(me).get("user").get("email").asText());

            HttpResponse<String> signIn = service.send("POST", "/api/auth/sign-in", null,
                    "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"correct horse battery\"}");
            assertEquals(200, signIn.statusCode());
            assertEquals(id, json(signIn).get("user").get("id").asText());

            JsonNode keys = json(service.send("GET", "/api/auth/jwks", null, null)).get("keys");
            assertEquals("OKP", keys.get(0).get("kty").asText());
            assertFalse(keys.get(0).has("d"), "only the public half is published");
        }
    }

    @Test
    void theSigningKeySurvivesARestartSoIssuedTokensStayValid(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = Map.of("DATA_DIR", dataDir.toString());
        String token;
        String id;
        try (RunningService service = RunningService.start(env)) {
            JsonNode body = json(service.send("POST", "/api/auth/sign-up", null,
                    "{\"email\":\"" + email() + "\",\"password\":\"long enough password\"}"));
            token = body.get("token").asText();
            id = body.get("user").get("id").asText();
        }
        try (RunningService service = RunningService.start(env)) {
            assertEquals(200, service.send("GET", "/api/" + id + "/tasks", token, null).statusCode());
        }
    }

    @Test
    void anAdminFromAdminEmailsListsAndDisablesUsersButCannotReadTheirTasks() throws Exception {
        String adminEmail = email();
        try (RunningService service = RunningService.start(Map.of(
                "DATABASE_URL", RunningService.databaseUrl(TestPostgres.newDatabase()),
                "ADMIN_EMAILS", adminEmail.toUpperCase()))) {
            JsonNode admin = json(service.send("POST", "/api/auth/sign-up", null,
                    "{\"email\":\"" + adminEmail + "\",\"password\":\"admin password 1\",\"role\":\"admin\"}"));
            assertEquals("user", admin.get("user").get("role").asText(), "signing up first proves nothing");
            String adminToken = admin.get("token").asText();
            // The operator reads the one-time token from the start-up log.
            String bootstrap = service.adminBootstrapToken(adminEmail).orElseThrow();
            HttpResponse<String> claimed = service.send("POST", "/api/auth/claim-admin", adminToken,
                    "{\"token\":\"" + bootstrap + "\"}");
            assertEquals("admin", json(claimed).get("user").get("role").asText(), claimed::body);

            JsonNode user = json(service.send("POST", "/api/auth/sign-up", null,
                    "{\"email\":\"" + email() + "\",\"password\":\"user password 1\",\"role\":\"admin\"}"));
            assertEquals("user", user.get("user").get("role").asText(), "a sign-up body never sets a role");
            String userId = user.get("user").get("id").asText();
            String userToken = user.get("token").asText();
            service.send("POST", "/api/" + userId + "/tasks", userToken, "{\"title\":\"Mine alone\"}");

            HttpResponse<String> users = service.send("GET", "/api/admin/users", adminToken, null);
            assertEquals(200, users.statusCode());
            assertEquals("2", users.headers().firstValue("X-Total-Count").orElseThrow());
            assertEquals(403, service.send("GET", "/api/admin/users", userToken, null).statusCode());
            assertEquals(403, service.send("GET", "/api/" + userId + "/tasks", adminToken, null).statusCode());

            HttpResponse<String> disabled = service.send("PATCH", "/api/admin/users/" + userId, adminToken,
                    "{\"disabled\":true}");
            assertEquals(200, disabled.statusCode());
            assertTrue(json(disabled).get("disabled").asBoolean());
            assertEquals(403, service.send("GET", "/api/" + userId + "/tasks", userToken, null).statusCode());
        }
    }

    @Test
    void corsGrantsTheConfiguredOriginOnly() {
        try (RunningService service = RunningService.start(Map.of(
                "DATABASE_URL", RunningService.databaseUrl(TestPostgres.newDatabase()),
                "CORS_ORIGINS", "https://app.example.com"))) {
            HttpResponse<String> granted = service.sendOutsideTheContract("OPTIONS", "/api/u1/tasks",
                    "Origin", "https://app.example.com", "Access-Control-Request-Method", "PUT",
                    "Access-Control-Request-Headers", "authorization,content-type,if-match");
            assertTrue(granted.statusCode() == 204 || granted.statusCode() == 200, granted.body());
            assertEquals("https://app.example.com",
                    granted.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            assertEquals("true", granted.headers().firstValue("Access-Control-Allow-Credentials").orElseThrow());
            String allowedHeaders = granted.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase();
            assertTrue(allowedHeaders.contains("authorization") && allowedHeaders.contains("if-match"), allowedHeaders);

            HttpResponse<String> denied = service.sendOutsideTheContract("OPTIONS", "/api/u1/tasks",
                    "Origin", "https://evil.example.net", "Access-Control-Request-Method", "PUT");
            assertTrue(denied.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        }
    }

    @Test
    void twoInstancesOnOneDatabaseShareAccountsSigningKeysAndDisabledUsers() throws Exception {
        String adminEmail = email();
        Map<String, String> env = newDatabaseWithAdminEmail(adminEmail);
        try (RunningService a = RunningService.start(env); RunningService b = RunningService.start(env)) {
            String email = email();
            JsonNode signedUpOnA = json(a.send("POST", "/api/auth/sign-up", null,
                    "{\"email\":\"" + email + "\",\"password\":\"shared password\"}"));
            String userId = signedUpOnA.get("user").get("id").asText();
            String tokenFromA = signedUpOnA.get("token").asText();

            HttpResponse<String> signedInOnB = b.send("POST", "/api/auth/sign-in", null,
                    "{\"email\":\"" + email + "\",\"password\":\"shared password\"}");
            assertEquals(200, signedInOnB.statusCode(), "an account made on A signs in on B");
            assertEquals(userId, json(signedInOnB).get("user").get("id").asText());
            assertEquals(200, b.send("GET", "/api/" + userId + "/tasks", tokenFromA, null).statusCode(),
                    "B accepts A's token: one signing key, kept in the database");
            assertEquals(200, a.send("GET", "/api/" + userId + "/tasks", json(signedInOnB).get("token").asText(), null)
                    .statusCode());
            assertEquals(a.send("GET", "/api/auth/jwks", null, null).body(), b.send("GET", "/api/auth/jwks", null, null).body());

            String adminToken = json(a.send("POST", "/api/auth/sign-up", null,
                    "{\"email\":\"" + adminEmail + "\",\"password\":\"admin password\"}")).get("token").asText();
            assertEquals(200, a.send("POST", "/api/auth/claim-admin", adminToken,
                    "{\"token\":\"" + a.adminBootstrapToken(adminEmail).orElseThrow() + "\"}").statusCode());
            assertEquals(200, a.send("PATCH", "/api/admin/users/" + userId, adminToken, "{\"disabled\":true}").statusCode());
            assertEquals(403, a.send("GET", "/api/" + userId + "/tasks", tokenFromA, null).statusCode(),
                    "the instance that disabled the user refuses them at once");
            // B remembered the user a moment ago. The README promises other instances see the change within
            // 5 s (the contract allows 30): poll for 8 s after the change, a margin for a slow machine that a
            // memory of 25 s would still overrun.
            int status = Polling.until(Duration.ofSeconds(8),
                    () -> b.send("GET", "/api/" + userId + "/tasks", tokenFromA, null).statusCode(), seen -> seen == 403);
            assertEquals(403, status, "a user disabled through A is refused by B within 5 s (8 s allowed)");
        }
    }

    @Test
    void anInstanceStartedAfterAClaimPrintsNoTokenForTheClaimedAddressEvenOnceItIsDemoted() throws Exception {
        String adminEmail = email();
        Map<String, String> env = newDatabaseWithAdminEmail(adminEmail);
        String adminId;
        try (RunningService first = RunningService.start(env)) {
            JsonNode admin = json(first.send("POST", "/api/auth/sign-up", null,
                    "{\"email\":\"" + adminEmail + "\",\"password\":\"admin password 1\"}"));
            adminId = admin.get("user").get("id").asText();
            String adminToken = admin.get("token").asText();
            assertEquals(200, first.send("POST", "/api/auth/claim-admin", adminToken,
                    "{\"token\":\"" + first.adminBootstrapToken(adminEmail).orElseThrow() + "\"}").statusCode());
            JsonNode other = json(first.send("POST", "/api/auth/sign-up", null,
                    "{\"email\":\"" + email() + "\",\"password\":\"other password 1\"}"));
            String otherId = other.get("user").get("id").asText();
            assertEquals(200, first.send("PATCH", "/api/admin/users/" + otherId, adminToken, "{\"role\":\"admin\"}")
                    .statusCode());
            assertEquals(200, first.send("PATCH", "/api/admin/users/" + adminId, other.get("token").asText(),
                    "{\"role\":\"user\"}").statusCode(), "the second admin demotes the first");
        }
        try (RunningService later = RunningService.start(env)) {
            assertTrue(later.adminBootstrapToken(adminEmail).isEmpty(),
                    "a token for a claimed address would be refused: the log must not offer one");
        }
    }
}
