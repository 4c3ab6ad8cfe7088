package app.todo.bootstrap;

import app.todo.adapter.out.persistence.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A public Next.js "Phase II" frontend written for a FastAPI backend, whose own login calls are
 * {@code POST /api/auth/signup} and {@code /api/auth/signin}, pointed at this service unchanged: its whole
 * request sequence from sign-up to sign-out, for two users, on both stores. The requests are written from what
 * its source sends (docs/frontends.md): {@code Content-Type: application/json} on every call, even without a
 * body; no token on the auth calls; an "auth log" call to a doubled {@code /api/api/auth/log} that its own
 * backend answered 404. That frontend treats every 401 as "signed out", so nothing here may answer one
 * while the user is signed in.
 */
class PhaseTwoFrontendTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORIGIN = "http://localhost:3000";
    private static RunningService postgres;
    private static RunningService embedded;

    @BeforeAll
    static void start() throws Exception {
        postgres = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrl(TestPostgres.newDatabase())));
        embedded = RunningService.start(Map.of("DATA_DIR", Files.createTempDirectory("todo-phase2").toString()));
    }

    @AfterAll
    static void stop() {
        postgres.close();
        embedded.close();
    }

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("postgresql", postgres), Arguments.of("embedded", embedded));
    }

    /** One browser tab of that frontend: the headers its fetch wrapper always sends. */
    private record Tab(RunningService service) {
        HttpResponse<String> call(String method, String path, String token, String body) {
            return service.send(method, path, token, body, "Content-Type", "application/json", "Origin", ORIGIN);
        }
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("stores")
    void twoUsersFromSignUpToSignOut(String store, RunningService service) throws Exception {
        Tab tab = new Tab(service);
        Signed ada = signUpAndIn(tab, "ada");
        Signed bob = signUpAndIn(tab, "bob");

        String tasks = "/api/" + ada.userId() + "/tasks";
        HttpResponse<String> empty = tab.call("GET", tasks, ada.token(), null);
        assertEquals(200, empty.statusCode(), empty::body);
        assertEquals("[]", empty.body().strip(), "a bare array, as the frontend's Array.isArray check needs");

        HttpResponse<String> created = tab.call("POST", tasks, ada.token(),
                "{\"title\":\"Buy milk\",\"description\":\"\",\"user_id\":\"" + ada.userId() + "\"}");
        assertEquals(201, created.statusCode(), created::body);
        long id = JSON.readTree(created.body()).get("id").asLong();

        JsonNode listed = JSON.readTree(tab.call("GET", tasks, ada.token(), null).body());
        assertEquals(1, listed.size());
        JsonNode task = listed.get(0);
        assertEquals(id, task.get("id").asLong());
        assertEquals("Buy milk", task.get("title").asText());
        assertEquals("", task.get("description").asText());
        assertFalse(task.get("completed").asBoolean());
        assertTrue(task.hasNonNull("created_at"));

        HttpResponse<String> edited = tab.call("PUT", tasks + "/" + id, ada.token(),
                "{\"title\":\"Buy oat milk\",\"description\":\"2 litres\"}");
        assertEquals(200, edited.statusCode(), edited::body);

        // The toggle has no body but still says Content-Type: application/json.
        HttpResponse<String> toggled = tab.call("PATCH", tasks + "/" + id + "/complete", ada.token(), null);
        assertEquals(200, toggled.statusCode(), toggled::body);
        assertTrue(JSON.readTree(toggled.body()).get("completed").asBoolean());

        // State kept across a reload: the same list again.
        JsonNode reloaded = JSON.readTree(tab.call("GET", tasks, ada.token(), null).body()).get(0);
        assertEquals("Buy oat milk", reloaded.get("title").asText());
        assertEquals("2 litres", reloaded.get("description").asText());
        assertTrue(reloaded.get("completed").asBoolean());

        // The second user is kept apart: another's path is 403, another's task id 404 on one's own path.
        assertEquals(403, tab.call("GET", tasks, bob.token(), null).statusCode());
        assertEquals(404, tab.call("GET", "/api/" + bob.userId() + "/tasks/" + id, bob.token(), null).statusCode());
        assertEquals("[]", tab.call("GET", "/api/" + bob.userId() + "/tasks", bob.token(), null).body().strip());

        HttpResponse<String> deleted = tab.call("DELETE", tasks + "/" + id, ada.token(), null);
        assertEquals(204, deleted.statusCode(), deleted::body);
        assertEquals("[]", tab.call("GET", tasks, ada.token(), null).body().strip());

        // Sign-out: the frontend logs it and forgets its token; the log call must not read as "signed out".
        assertAuthLogIsNotFound(tab, ada, "signout");
        assertAuthLogIsNotFound(tab, bob, "signout");
    }

    private record Signed(String userId, String token) {
    }

    private static Signed signUpAndIn(Tab tab, String name) throws Exception {
        String email = name + "." + UUID.randomUUID() + "@example.com";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}";

        HttpResponse<String> signedUp = tab.call("POST", "/api/auth/signup", null, credentials); // no name: it sends none
        assertEquals(201, signedUp.statusCode(), signedUp::body);
        JsonNode up = JSON.readTree(signedUp.body());
        String userId = up.get("user").get("id").asText();
        assertTrue(up.get("token").asText().startsWith("eyJ"), "the frontend reads `token`");
        assertEquals(ORIGIN, signedUp.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertAuthLogIsNotFound(tab, new Signed(userId, null), "signup");

        HttpResponse<String> signedIn = tab.call("POST", "/api/auth/signin", null, credentials);
        assertEquals(200, signedIn.statusCode(), signedIn::body);
        JsonNode in = JSON.readTree(signedIn.body());
        assertEquals(userId, in.get("user").get("id").asText());
        assertEquals(in.get("token").asText(), in.get("access_token").asText());
        assertEquals("bearer", in.get("token_type").asText());
        Signed signed = new Signed(userId, in.get("token").asText());
        assertAuthLogIsNotFound(tab, signed, "signin");
        return signed;
    }

    /** Its backend had no such route: a 404 (with CORS headers), which it ignores; a 401 would sign it out. */
    private static void assertAuthLogIsNotFound(Tab tab, Signed user, String action) {
        HttpResponse<String> logged = tab.call("POST", "/api/api/auth/log", null,
                "{\"user_id\":\"" + user.userId() + "\",\"email\":\"x@example.com\",\"action\":\"" + action + "\"}");
        assertEquals(404, logged.statusCode(), logged::body);
        assertEquals(ORIGIN, logged.headers().firstValue("Access-Control-Allow-Origin").orElseThrow(),
                "an allowed origin gets CORS headers on a 404 too, or the browser hides it");
    }
}
