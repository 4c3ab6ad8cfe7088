package app.todo.adapter.http;

import app.todo.adapter.http.testing.TestServer;
import app.todo.adapter.http.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One server per test class; each test uses its own user, so tests never see each other's tasks. */
abstract class ApiTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static TestServer server;

    final String user = "user-" + UUID.randomUUID();
    final String token = TestTokens.valid(user);
    final String tasks = "/api/" + user + "/tasks";

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Asserts the status and the problem+json shape every error has; returns the body. */
    static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(header(response, "Content-Type").startsWith("application/problem+json"),
                () -> "content type " + header(response, "Content-Type"));
        JsonNode body = json(response);
        for (String member : List.of("type", "title", "status", "detail", "instance")) {
            assertTrue(body.hasNonNull(member), () -> "missing " + member + " in " + response.body());
        }
        assertEquals(status, body.get("status").asInt());
        assertTrue(body.get("detail").asText().length() > 10, "detail is a sentence");
        assertEquals(response.uri().getRawPath(), body.get("instance").asText());
        assertTrue(header(response, "X-Request-Id") != null, "X-Request-Id on errors too");
        return body;
    }

    /** Asserts a 422 whose errors name exactly these fields (in any order). */
    static void assertInvalid(HttpResponse<String> response, String... fields) {
        JsonNode errors = assertProblem(response, 422).get("errors");
        List<String> named = new ArrayList<>();
        errors.forEach(e -> {
            named.add(e.get("field").asText());
            assertTrue(e.get("message").asText().length() > 3, "each error says what is wrong");
        });
        assertEquals(List.of(fields).stream().sorted().toList(), named.stream().sorted().toList(), response.body());
    }

    HttpResponse<String> create(String body) {
        return server.json("POST", tasks, token, body);
    }

    /** Creates a task and returns its id. */
    long createTask(String body) {
        HttpResponse<String> created = create(body);
        assertEquals(201, created.statusCode(), created::body);
        return json(created).get("id").asLong();
    }
}
