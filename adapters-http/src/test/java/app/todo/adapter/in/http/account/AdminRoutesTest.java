package app.todo.adapter.in.http.account;

import app.todo.adapter.in.http.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static app.todo.adapter.in.http.testing.Responses.assertInvalid;
import static app.todo.adapter.in.http.testing.Responses.assertProblem;
import static app.todo.adapter.in.http.testing.Responses.header;
import static app.todo.adapter.in.http.testing.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminRoutesTest extends AccountApiSupport {

    private String adminToken;
    private String adminId;
    private String userToken;
    private String userId;

    @BeforeEach
    void accounts() {
        // An admin by a Better Auth-style role claim, and a user of the service's own accounts.
        adminId = "admin-" + email;
        adminToken = TestTokens.with(adminId, claims -> claims.claim("role", "admin"));
        JsonNode session = json(signUp(email, PASSWORD));
        userToken = session.get("token").asText();
        userId = session.get("user").get("id").asText();
        server.json("POST", "/api/" + userId + "/tasks", userToken, "{\"title\": \"one\"}");
        server.json("POST", "/api/" + userId + "/tasks", userToken, "{\"title\": \"two\"}");
    }

    @Test
    void an_admin_pages_through_every_user_with_task_counts() {
        HttpResponse<String> all = server.get("/api/admin/users?limit=500", adminToken);

        assertEquals(200, all.statusCode(), all::body);
        long total = Long.parseLong(header(all, "X-Total-Count"));
        assertEquals(total, json(all).size());
        JsonNode user = find(json(all), userId);
        assertEquals(2, user.get("task_count").asInt());
        assertEquals(false, user.get("disabled").asBoolean());

        HttpResponse<String> last = server.get("/api/admin/users?limit=1&offset=" + (total - 1), adminToken);
        assertEquals(1, json(last).size());
        assertTrue(header(last, "Link").contains("rel=\"prev\""), header(last, "Link"));
        assertTrue(header(last, "Link").contains("</api/admin/users?limit=1&offset=0>; rel=\"first\""),
                header(last, "Link"));
    }

    @Test
    void a_bad_page_is_invalid() {
        HttpResponse<String> response = server.get("/api/admin/users?limit=0&offset=x", adminToken);

        assertInvalid(response, "limit", "offset");
    }

    @Test
    void an_admin_promotes_and_disables_a_user_whose_next_request_is_refused() {
        HttpResponse<String> promoted = patch(userId, "{\"role\": \"admin\"}");
        HttpResponse<String> disabled = patch(userId, "{\"disabled\": true}");

        assertEquals(200, promoted.statusCode(), promoted::body);
        assertEquals("admin", json(promoted).get("user").get("role").asText());
        assertEquals(2, json(promoted).get("task_count").asInt());
        assertEquals(true, json(disabled).get("disabled").asBoolean());
        assertProblem(server.get("/api/" + userId + "/tasks", userToken), 403);
        assertEquals(200, patch(userId, "{\"disabled\": false}").statusCode());
        // Disabling ended the user's sessions (docs/rules.md §2): the old token stays refused, a new sign-in works.
        assertProblem(server.get("/api/" + userId + "/tasks", userToken), 401);
        String again = json(signIn(email, PASSWORD)).get("token").asText();
        assertEquals(200, server.get("/api/" + userId + "/tasks", again).statusCode());
    }

    @Test
    void a_non_admin_is_refused_before_anything_else() {
        HttpResponse<String> list = server.get("/api/admin/users", userToken);
        HttpResponse<String> change = server.json("PATCH", "/api/admin/users/" + userId, userToken, "not json");

        assertProblem(list, 403);
        assertProblem(change, 403);
    }

    @Test
    void changes_are_validated_and_unknown_users_not_found() {
        HttpResponse<String> empty = patch(userId, "{}");
        HttpResponse<String> wrong = patch(userId, "{\"role\": \"root\", \"disabled\": \"yes\"}");
        HttpResponse<String> unknown = patch("nobody-" + email, "{\"disabled\": true}");

        assertInvalid(empty, "body");
        assertInvalid(wrong, "disabled");
        assertInvalid(patch(userId, "{\"role\": \"root\"}"), "role");
        assertProblem(unknown, 404);
    }

    @Test
    void an_admin_cannot_lock_themself_out() {
        server.get("/api/auth/me", adminToken);

        HttpResponse<String> response = patch(adminId, "{\"disabled\": true}");

        assertProblem(response, 409);
    }

    @Test
    void an_admin_by_claim_cannot_store_the_role_so_a_demotion_at_the_identity_provider_holds() {
        server.get("/api/auth/me", adminToken);

        assertProblem(patch(adminId, "{\"role\": \"admin\"}"), 409);

        String demoted = TestTokens.valid(adminId);
        assertProblem(server.get("/api/admin/users", demoted), 403);
    }

    private HttpResponse<String> patch(String id, String body) {
        return server.json("PATCH", "/api/admin/users/" + id, adminToken, body);
    }

    private static JsonNode find(JsonNode users, String id) {
        for (JsonNode user : users) {
            if (user.get("user").get("id").asText().equals(id)) {
                return user;
            }
        }
        throw new AssertionError("no user " + id + " in " + users);
    }
}
