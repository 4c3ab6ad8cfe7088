package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthenticationTest extends ApiTestSupport {

    private static final String MISSING = "Bearer realm=\"todo\"";

    private HttpResponse<String> withAuthorization(String value) {
        return server.send(server.request(tasks, null).header("Authorization", value).GET().build());
    }

    @Test
    void noTokenIs401WithABareChallenge() {
        HttpResponse<String> response = server.get(tasks, null);

        assertProblem(response, 401);
        assertEquals(MISSING, header(response, "WWW-Authenticate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer    ", "Basic dXNlcjpwYXNz", "Token abc", "bearer"})
    void aMissingOrNonBearerCredentialIs401WithABareChallenge(String authorization) {
        HttpResponse<String> response = withAuthorization(authorization);

        assertProblem(response, 401);
        assertEquals(MISSING, header(response, "WWW-Authenticate"));
    }

    @Test
    void theSchemeWordIsCaseInsensitive() {
        assertEquals(200, withAuthorization("bEaReR " + token).statusCode());
        assertEquals(200, withAuthorization("BEARER   " + token).statusCode());
    }

    @Test
    void anExpiredTokenIs401InvalidToken() {
        assertInvalidToken(TestTokens.expired(user), "expired");
    }

    @Test
    void aTokenWithABadSignatureIs401InvalidToken() {
        assertInvalidToken(TestTokens.signedWithOtherSecret(user), "signature");
    }

    @Test
    void anUnsignedTokenIs401InvalidToken() {
        assertInvalidToken(TestTokens.unsigned(user), "unsigned");
    }

    @Test
    void aMalformedTokenIs401InvalidToken() {
        assertInvalidToken("not.a.jwt", "malformed");
        assertInvalidToken("garbage", "malformed");
    }

    @Test
    void aTokenWithoutExpiryIs401InvalidToken() {
        assertInvalidToken(TestTokens.with(user, b -> b.expirationTime(null)), "exp");
    }

    private void assertInvalidToken(String badToken, String reasonWord) {
        HttpResponse<String> response = server.get(tasks, badToken);

        JsonNode problem = assertProblem(response, 401);
        String challenge = header(response, "WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer realm=\"todo\", error=\"invalid_token\", error_description=\""), challenge);
        assertTrue(challenge.toLowerCase().contains(reasonWord), challenge);
        assertTrue(challenge.endsWith("\""), challenge);
        assertEquals(5, challenge.chars().filter(c -> c == '"').count() - 1, "no quote inside the description");
        assertFalse(response.body().contains(badToken), "the token is never echoed");
        assertTrue(problem.get("detail").asText().toLowerCase().contains(reasonWord), response::body);
    }

    @Test
    void aBannedTokenIs403() {
        HttpResponse<String> response = server.get(tasks, TestTokens.with(user, b -> b.claim("banned", true)));

        assertTrue(assertProblem(response, 403).get("detail").asText().contains("banned"));
    }

    @Test
    void aDisabledUserIs403() {
        server.store().users().addIfAbsent(new User(new UserId(user), null, null, Role.USER, true, Instant.now()));

        HttpResponse<String> response = server.get(tasks, token);

        assertTrue(assertProblem(response, 403).get("detail").asText().contains("disabled"));
    }

    @Test
    void aTokenFromTheFutureIsRefused() {
        Date later = Date.from(Instant.now().plusSeconds(3600));
        assertInvalidToken(TestTokens.with(user, b -> b.notBeforeTime(later)), "nbf");
    }

    @Test
    void theFirstValidRequestProvisionsTheUser() {
        assertEquals(200, server.get(tasks, token).statusCode());

        assertTrue(server.store().users().find(new UserId(user)).isPresent());
    }

    @Test
    void healthIsPublicAndRoutesNeedATokenButUnknownPathsAreNotFoundWithOrWithoutOne() {
        assertEquals(200, server.get("/health/live", null).statusCode());
        assertProblem(server.get("//api/" + user + "/tasks", null), 401);
        // A path no route matches: the same 404 with or without a token, never "sign in again".
        assertProblem(server.get("/api/nothing/here/at/all", null), 404);
        assertProblem(server.get("/api/nothing/here/at/all", token), 404);
        assertProblem(server.get("/api/api/auth/log", null), 404);
        assertProblem(server.get("/api/" + user + "/tasks/1/nothing", null), 404);
        assertProblem(server.get("/api", null), 404);
    }
}
