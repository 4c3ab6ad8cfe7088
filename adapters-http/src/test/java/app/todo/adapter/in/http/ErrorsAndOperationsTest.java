package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.TestServer;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.application.port.out.StorageUnavailableException;
import app.todo.application.port.out.TaskRepository;
import app.todo.domain.task.NewTask;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskId;
import app.todo.domain.task.TaskPage;
import app.todo.domain.task.TaskSort;
import app.todo.domain.user.UserId;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorsAndOperationsTest extends ApiTestSupport {

    @Test
    void anUnknownRouteIsA404Problem() {
        JsonNode problem = assertProblem(server.get("/nowhere", null), 404);

        assertEquals("about:blank", problem.get("type").asText());
        assertEquals("Not Found", problem.get("title").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /1          | GET, HEAD, PUT, DELETE
            PATCH  | /1          | GET, HEAD, PUT, DELETE
            DELETE | ''          | GET, HEAD, POST
            PUT    | ''          | GET, HEAD, POST
            GET    | /1/complete | PATCH
            POST   | /1/complete | PATCH
            """)
    void aKnownPathWithAnotherMethodIs405WithAllow(String method, String suffix, String allow) {
        HttpResponse<String> response = server.send(server.request(tasks + suffix, token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());

        assertProblem(response, 405);
        assertEquals(allow, header(response, "Allow"));
    }

    @Test
    void optionsIsNotImpliedByGet() {
        HttpResponse<String> response = server.send(server.request("/health/live", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

        assertEquals(405, response.statusCode(), response::body);
        assertEquals("GET, HEAD", header(response, "Allow"));
    }

    @Test
    void anUnknownApiPathIs404OnceTheCallerIsKnown() {
        JsonNode problem = assertProblem(server.get("/api/" + user + "/projects", token), 404);

        assertEquals("Not Found", problem.get("title").asText());
    }

    @Test
    void anUndocumentedMethodUnderApiWithoutATokenIs401BeforeIts405() {
        HttpResponse<String> response = server.send(server.request(tasks, null)
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());

        assertProblem(response, 401);
        assertEquals("Bearer realm=\"todo\"", header(response, "WWW-Authenticate"));
    }

    @Test
    void theOpenApiDocumentIsServedWithoutAToken() {
        HttpResponse<String> yaml = server.get("/openapi", null);
        HttpResponse<String> asJson = server.send(server.request("/openapi", null)
                .header("Accept", "application/json").GET().build());

        assertEquals(200, yaml.statusCode(), yaml::body);
        assertTrue(yaml.body().startsWith("openapi: 3.1"), () -> yaml.body().substring(0, 40));
        assertEquals(200, asJson.statusCode());
        assertEquals("3.1.0", json(asJson).get("openapi").asText());
    }

    @Test
    void healthRoutesAnswer() {
        HttpResponse<String> live = server.get("/health/live", null);
        HttpResponse<String> ready = server.get("/health/ready", null);

        assertEquals(200, live.statusCode());
        assertEquals("UP", json(live).get("status").asText());
        assertEquals(200, ready.statusCode());
    }

    @Test
    void notReadyIs503WithRetryAfter() {
        try (TestServer down = TestServer.start(tasks -> tasks, () -> false)) {
            HttpResponse<String> ready = down.get("/health/ready", null);

            assertProblem(ready, 503);
            assertEquals("2", header(ready, "Retry-After"));
            assertEquals(200, down.get("/health/live", null).statusCode());
        }
    }

    @Test
    void aStoreThatIsDownIs503WithRetryAfter() {
        Supplier<RuntimeException> down = () -> new StorageUnavailableException(
                "connection to db.internal:5432 refused, password=hunter2", null);
        try (TestServer broken = TestServer.start(tasks -> new FailingTasks(down), () -> false)) {
            HttpResponse<String> response = broken.get(tasks, token);

            JsonNode problem = assertProblem(response, 503);
            assertEquals("2", header(response, "Retry-After"));
            assertFalse(response.body().contains("5432") || response.body().contains("hunter2"), response::body);
            assertTrue(problem.get("detail").asText().contains("try again"));
        }
    }

    @Test
    void anUnexpectedFailureIsA500ThatLeaksNothingButTheRequestId() {
        Supplier<RuntimeException> bug = () -> new IllegalStateException(
                "SELECT secret FROM users WHERE password='hunter2'");
        try (TestServer broken = TestServer.start(tasks -> new FailingTasks(bug), () -> true)) {
            HttpResponse<String> response = broken.send(broken.request(tasks, token)
                    .header("X-Request-Id", "trace-500").GET().build());

            JsonNode problem = assertProblem(response, 500);
            for (String leak : new String[] {"SELECT", "hunter2", "IllegalStateException", "at app.todo"}) {
                assertFalse(response.body().contains(leak), () -> "leaks " + leak + ": " + response.body());
            }
            assertEquals("trace-500", header(response, "X-Request-Id"));
            assertTrue(problem.get("detail").asText().contains("trace-500"), "the detail quotes the request id");
            assertEquals("trace-500", problem.get("request_id").asText());
        }
    }

    @Test
    void aValidClientRequestIdIsEchoedOnSuccessAndErrors() {
        String id = "abc-123_x.y:z";

        HttpResponse<String> ok = server.send(server.request(tasks, token).header("X-Request-Id", id).GET().build());
        HttpResponse<String> notFound = server.send(server.request("/nowhere", null).header("X-Request-Id", id).GET().build());
        HttpResponse<String> unauthorized = server.send(server.request(tasks, null).header("X-Request-Id", id).GET().build());

        assertEquals(id, header(ok, "X-Request-Id"));
        assertEquals(id, header(notFound, "X-Request-Id"));
        assertEquals(id, header(unauthorized, "X-Request-Id"));
        assertEquals(id, json(notFound).get("request_id").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "quote\"d", "ünïcode"})
    void anUnacceptableRequestIdIsReplacedByAGeneratedOne(String sent) {
        HttpResponse<String> response = server.send(server.request("/health/live", null)
                .header("X-Request-Id", sent).GET().build());

        String id = header(response, "X-Request-Id");
        assertNotEquals(sent, id);
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
    }

    @Test
    void aTooLongRequestIdIsReplacedAndEveryResponseHasOne() {
        HttpResponse<String> response = server.send(server.request("/health/live", null)
                .header("X-Request-Id", "a".repeat(129)).GET().build());
        HttpResponse<String> none = server.get("/health/live", null);

        assertEquals(36, header(response, "X-Request-Id").length());
        assertEquals(36, header(none, "X-Request-Id").length());
        assertNotEquals(header(response, "X-Request-Id"), header(none, "X-Request-Id"));
    }

    // The raw-socket tests below are outside the OpenAPI check on purpose: they send what no HTTP client
    // can (a malformed request line or header, oversized headers), answered before any route is chosen.

    @Test
    void aMalformedRequestLineIsAProblemToo() throws IOException {
        String response = raw("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n");

        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
        assertTrue(response.contains("\"status\":400"), response);
        assertTrue(response.contains("X-Request-Id: "), response);
    }

    @Test
    void aMalformedHeaderIsAProblemThatEchoesTheRequestId() throws IOException {
        String response = raw("POST /api/u/tasks HTTP/1.1\r\nHost: x\r\nX-Request-Id: raw-1\r\nContent-Length: abc\r\n\r\n");

        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.contains("X-Request-Id: raw-1"), response);
        assertTrue(response.contains("\"instance\":\"/api/u/tasks\""), response);
    }

    @Test
    void oversizedHeadersAreRefusedAsAProblem() throws IOException {
        String response = raw("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");

        assertTrue(response.matches("(?s)HTTP/1.1 4\\d\\d .*"), response);
        assertTrue(response.toLowerCase().contains("application/problem+json"), response);
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A task repository whose every call fails as the given exception. */
    private record FailingTasks(Supplier<RuntimeException> failure) implements TaskRepository {
        @Override
        public Task add(NewTask task, Instant now) {
            throw failure.get();
        }

        @Override
        public Optional<Task> find(UserId owner, TaskId id) {
            throw failure.get();
        }

        @Override
        public Optional<Task> findForUpdate(UserId owner, TaskId id) {
            throw failure.get();
        }

        @Override
        public void update(Task task) {
            throw failure.get();
        }

        @Override
        public boolean delete(UserId owner, TaskId id, Instant now) {
            throw failure.get();
        }

        @Override
        public Optional<app.todo.domain.task.FeedPage> changes(UserId owner, long after, int limit) {
            throw failure.get();
        }

        @Override
        public long position(UserId owner) {
            throw failure.get();
        }

        @Override
        public TaskPage list(UserId owner, TaskFilter filter, TaskSort sort, PageRequest page) {
            throw failure.get();
        }
    }
}
