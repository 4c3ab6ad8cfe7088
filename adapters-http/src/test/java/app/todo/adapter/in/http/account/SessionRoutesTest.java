package app.todo.adapter.in.http.account;

import app.todo.application.service.RefreshSessionService;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static app.todo.adapter.in.http.testing.Responses.assertInvalid;
import static app.todo.adapter.in.http.testing.Responses.assertProblem;
import static app.todo.adapter.in.http.testing.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions of own accounts (docs/rules.md §2): refresh rotation, sign-out, listing, revocation, passwords. */
class SessionRoutesTest extends AccountApiSupport {

    private JsonNode signedUp() {
        HttpResponse<String> answer = signUp(email, PASSWORD);
        assertEquals(201, answer.statusCode(), answer::body);
        return json(answer);
    }

    private static HttpResponse<String> refresh(String refreshToken) {
        return post("/api/auth/refresh", "{\"refresh_token\": \"" + refreshToken + "\"}");
    }

    @Test
    void signUpAnswersARefreshTokenAndAnAccessTokenThatNamesItsSession() {
        JsonNode session = signedUp();

        assertTrue(session.get("refresh_token").asText().length() >= 43, "256 random bits");
        assertTrue(session.has("refresh_expires_at"));
        String payload = new String(java.util.Base64.getUrlDecoder().decode(session.get("token").asText().split("\\.")[1]));
        assertTrue(payload.contains("\"sid\"") && payload.contains("\"jti\""), payload);
    }

    /** Two tabs share one refresh token and refresh at the same moment: neither signs the other out. */
    @Test
    void aRefreshTokenPresentedAgainWithinTheGraceRotatesAgainAndBothTabsCarryOn() {
        String shared = signedUp().get("refresh_token").asText();

        JsonNode firstTab = json(refresh(shared));
        CLOCK.advance(RefreshSessionService.REUSE_GRACE.minusSeconds(1));
        HttpResponse<String> secondTab = refresh(shared);

        assertEquals(200, secondTab.statusCode(), secondTab::body);
        assertEquals(200, server.get("/api/auth/me", firstTab.get("token").asText()).statusCode());
        assertEquals(200, server.get("/api/auth/me", json(secondTab).get("token").asText()).statusCode());
        assertEquals(200, refresh(firstTab.get("refresh_token").asText()).statusCode(), "the first tab refreshes on");
    }

    @Test
    void aRefreshRotatesAndAReusedRefreshTokenEndsTheWholeSession() {
        JsonNode first = signedUp();
        String spent = first.get("refresh_token").asText();

        HttpResponse<String> rotated = refresh(spent);
        assertEquals(200, rotated.statusCode(), rotated::body);
        JsonNode second = json(rotated);
        assertNotEquals(spent, second.get("refresh_token").asText());
        assertEquals(200, server.get("/api/auth/me", second.get("token").asText()).statusCode());

        CLOCK.advance(RefreshSessionService.REUSE_GRACE.plusSeconds(1)); // no second tab explains it any more
        assertProblem(refresh(spent), 401);
        assertProblem(refresh(second.get("refresh_token").asText()), 401);
        assertProblem(server.get("/api/auth/me", second.get("token").asText()), 401);
        assertProblem(server.get("/api/auth/me", first.get("token").asText()), 401);
        assertProblem(refresh("not-a-token"), 401);
        assertInvalid(post("/api/auth/refresh", "{}"), "refresh_token");
    }

    @Test
    void signOutEndsTheSessionsTokensAndOnlyThatSession() {
        JsonNode one = signedUp();
        JsonNode other = json(signIn(email, PASSWORD));

        HttpResponse<String> out = server.json("POST", "/api/auth/sign-out", one.get("token").asText(), null);
        assertEquals(204, out.statusCode(), out::body);

        assertProblem(server.get("/api/auth/me", one.get("token").asText()), 401);
        assertProblem(refresh(one.get("refresh_token").asText()), 401);
        assertEquals(200, server.get("/api/auth/me", other.get("token").asText()).statusCode(), "the other session lives");
    }

    @Test
    void theSessionListShowsTheCurrentOneAndARevokedSessionIsGone() {
        JsonNode one = signedUp();
        JsonNode other = json(signIn(email, PASSWORD));
        String token = one.get("token").asText();

        JsonNode sessions = json(server.get("/api/auth/sessions", token));
        assertEquals(2, sessions.size());
        long current = 0;
        String otherId = null;
        for (JsonNode s : sessions) {
            if (s.get("current").asBoolean()) {
                current++;
            } else {
                otherId = s.get("id").asText();
            }
        }
        assertEquals(1, current);

        assertEquals(204, server.send(server.request("/api/auth/sessions/" + otherId, token).DELETE().build()).statusCode());
        assertProblem(server.get("/api/auth/me", other.get("token").asText()), 401);
        assertEquals(1, json(server.get("/api/auth/sessions", token)).size());
        assertProblem(server.send(server.request("/api/auth/sessions/" + otherId, token).DELETE().build()), 404);
        assertProblem(server.send(server.request("/api/auth/sessions/no-such-id", token).DELETE().build()), 404);
    }

    @Test
    void anotherUsersSessionCannotBeRevoked() {
        JsonNode mine = signedUp();
        JsonNode theirs = json(signUp("other-" + email, PASSWORD));
        String theirId = json(server.get("/api/auth/sessions", theirs.get("token").asText())).get(0).get("id").asText();

        assertProblem(server.send(server.request("/api/auth/sessions/" + theirId, mine.get("token").asText())
                .DELETE().build()), 404);
        assertEquals(200, server.get("/api/auth/me", theirs.get("token").asText()).statusCode());
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionAndAWrongCurrentOneIs401() {
        JsonNode kept = signedUp();
        JsonNode other = json(signIn(email, PASSWORD));
        String token = kept.get("token").asText();

        assertProblem(changePassword(token, "wrong password", "a brand new password"), 401);
        assertInvalid(changePassword(token, PASSWORD, "short"), "new_password");
        assertEquals(204, changePassword(token, PASSWORD, "a brand new password").statusCode());

        assertProblem(server.get("/api/auth/me", other.get("token").asText()), 401);
        assertEquals(200, server.get("/api/auth/me", token).statusCode(), "the session that changed it lives on");
        CLOCK.advance(java.time.Duration.ofMinutes(2)); // the attempts above count against the sign-in limit
        assertProblem(signIn(email, PASSWORD), 401);
        assertEquals(200, signIn(email, "a brand new password").statusCode());
    }

    private static HttpResponse<String> changePassword(String token, String current, String next) {
        return server.send(server.request("/api/auth/change-password", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"current_password\": \"" + current
                        + "\", \"new_password\": \"" + next + "\"}")).build());
    }
}
