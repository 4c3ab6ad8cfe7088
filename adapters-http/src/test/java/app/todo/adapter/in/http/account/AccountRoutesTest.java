package app.todo.adapter.in.http.account;

import app.todo.domain.user.Email;

import app.todo.domain.user.UserChanges;
import app.todo.domain.user.UserId;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static app.todo.adapter.in.http.testing.Responses.assertInvalid;
import static app.todo.adapter.in.http.testing.Responses.assertProblem;
import static app.todo.adapter.in.http.testing.Responses.header;
import static app.todo.adapter.in.http.testing.Responses.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountRoutesTest extends AccountApiSupport {

    @Test
    void signing_up_answers_the_user_and_a_token_that_opens_me() {
        HttpResponse<String> created = post("/api/auth/sign-up",
                "{\"email\": \"" + email.toUpperCase() + "\", \"password\": \"" + PASSWORD + "\", \"name\": \" Ana \"}");

        assertEquals(201, created.statusCode(), created::body);
        assertEquals("no-store", header(created, "Cache-Control"));
        JsonNode session = json(created);
        JsonNode user = session.get("user");
        assertEquals(email, user.get("email").asText());
        assertEquals("Ana", user.get("name").asText());
        assertEquals("user", user.get("role").asText());
        assertTrue(Instant.parse(session.get("expires_at").asText()).isAfter(Instant.now()));
        assertFalse(created.body().contains(PASSWORD), "the password is never echoed");

        HttpResponse<String> me = server.get("/api/auth/me", session.get("token").asText());

        assertEquals(200, me.statusCode(), me::body);
        assertEquals(user, json(me).get("user"));
    }

    @Test
    void signing_in_answers_the_same_user_and_a_fresh_token() {
        JsonNode user = json(signUp(email, PASSWORD)).get("user");

        HttpResponse<String> signedIn = signIn(email.toUpperCase(), PASSWORD);

        assertEquals(200, signedIn.statusCode(), signedIn::body);
        assertEquals(user, json(signedIn).get("user"));
        assertEquals(200, server.get("/api/auth/me", json(signedIn).get("token").asText()).statusCode());
    }

    @Test
    void an_unknown_email_and_a_wrong_password_get_byte_identical_answers() {
        signUp(email, PASSWORD);

        HttpResponse<String> wrongPassword = signInWithRequestId(email, PASSWORD + "!");
        HttpResponse<String> unknownEmail = signInWithRequestId("nobody-" + email, PASSWORD);

        assertProblem(wrongPassword, 401);
        assertEquals("Bearer realm=\"todo\"", header(wrongPassword, "WWW-Authenticate"));
        assertArrayEquals(wrongPassword.body().getBytes(), unknownEmail.body().getBytes());
        assertEquals(withoutDate(wrongPassword), withoutDate(unknownEmail));
    }

    @Test
    void the_public_routes_need_no_token_with_a_trailing_slash_either() {
        assertEquals(201, post("/api/auth/sign-up/",
                "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}").statusCode());
        assertEquals(200, post("/api/auth/sign-in/",
                "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}").statusCode());
        assertEquals(200, server.get("/api/auth/jwks/", null).statusCode());
    }

    @Test
    void an_email_is_registered_once_whatever_its_letter_case() {
        assertEquals(201, signUp(email, PASSWORD).statusCode());

        HttpResponse<String> again = signUp(email.toUpperCase(), PASSWORD + "2");

        assertProblem(again, 409);
    }

    @ParameterizedTest(name = "{0} characters: {1}")
    @CsvSource({"7, 422", "8, 201", "128, 201", "129, 422"})
    void a_password_has_8_to_128_characters(int length, int status) {
        HttpResponse<String> response = signUp(email, "p".repeat(length));

        assertEquals(status, response.statusCode(), response::body);
        if (status == 422) {
            assertInvalid(response, "password");
        }
    }

    @Test
    void fields_of_the_wrong_type_and_missing_ones_are_named() {
        HttpResponse<String> response = post("/api/auth/sign-up", "{\"email\": 42, \"name\": [\"x\"]}");

        assertInvalid(response, "email", "name");
        assertInvalid(post("/api/auth/sign-up", "{}"), "email", "password");
        assertInvalid(post("/api/auth/sign-in", "{\"email\": \"" + email + "\"}"), "password");
    }

    /** Trust review finding 6: an ADMIN_EMAILS address becomes admin once proven, never by signing up first. */
    @Test
    void an_admin_email_becomes_admin_only_with_its_bootstrap_token_and_a_body_never_chooses_a_role() {
        HttpResponse<String> boss = signUp(ADMIN_EMAIL.toUpperCase(), PASSWORD);
        HttpResponse<String> sneaky = post("/api/auth/sign-up",
                "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"role\": \"admin\"}");
        String bossToken = json(boss).get("token").asText();
        String bootstrap = adminBootstrap.tokensToAnnounce().get(new Email(ADMIN_EMAIL));

        assertEquals("user", json(boss).get("user").get("role").asText(), "signing up first proves nothing");
        assertEquals("user", json(sneaky).get("user").get("role").asText(), sneaky::body);
        assertProblem(claim(json(sneaky).get("token").asText(), bootstrap), 403);
        assertProblem(claim(bossToken, bootstrap + "x"), 403);
        assertInvalid(server.json("POST", "/api/auth/claim-admin", bossToken, "{}"), "token");
        assertProblem(server.json("POST", "/api/auth/claim-admin", null, "{\"token\": \"" + bootstrap + "\"}"), 401);

        HttpResponse<String> claimed = claim(bossToken, bootstrap);
        assertEquals(200, claimed.statusCode(), claimed::body);
        assertEquals("admin", json(claimed).get("user").get("role").asText());
        assertEquals(200, server.get("/api/admin/users", bossToken).statusCode(), "the same token, now an admin's");
        assertProblem(claim(bossToken, bootstrap), 403);
    }

    private static HttpResponse<String> claim(String bearer, String bootstrapToken) {
        return server.json("POST", "/api/auth/claim-admin", bearer, "{\"token\": \"" + bootstrapToken + "\"}");
    }

    @Test
    void me_needs_a_token_and_the_public_routes_do_not() {
        HttpResponse<String> me = server.get("/api/auth/me", null);
        HttpResponse<String> jwks = server.get("/api/auth/jwks", null);

        assertProblem(me, 401);
        assertEquals(200, jwks.statusCode(), jwks::body);
        assertEquals("OKP", json(jwks).get("keys").get(0).get("kty").asText());
    }

    @Test
    void a_disabled_user_cannot_sign_in_nor_use_a_token_they_already_have() {
        String token = json(signUp(email, PASSWORD)).get("token").asText();
        String id = json(server.get("/api/auth/me", token)).get("user").get("id").asText();
        store.userDirectory().change(new UserId(id), new UserChanges(Optional.empty(), Optional.of(true)));

        HttpResponse<String> signIn = signIn(email, PASSWORD);
        HttpResponse<String> me = server.get("/api/auth/me", token);

        assertProblem(signIn, 403);
        assertProblem(me, 403);
    }

    private static Map<String, List<String>> withoutDate(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }

    private static HttpResponse<String> signInWithRequestId(String email, String password) {
        return server.send(server.request("/api/auth/sign-in", null)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "same-request-id")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"))
                .build());
    }
}
