package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.Responses;
import app.todo.adapter.in.http.testing.TestServer;
import app.todo.adapter.in.http.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One server per test class; each test uses its own user, so tests never see each other's tasks. */
abstract class ApiTestSupport {

    static final ObjectMapper JSON = Responses.JSON;
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
        return Responses.json(response);
    }

    static String header(HttpResponse<?> response, String name) {
        return Responses.header(response, name);
    }

    /** Asserts the status and the problem+json shape every error has; returns the body. */
    static JsonNode assertProblem(HttpResponse<String> response, int status) {
        return Responses.assertProblem(response, status);
    }

    /** Asserts a 422 whose errors name exactly these fields (in any order). */
    static void assertInvalid(HttpResponse<String> response, String... fields) {
        Responses.assertInvalid(response, fields);
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
