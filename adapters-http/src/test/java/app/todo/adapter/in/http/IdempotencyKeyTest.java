package app.todo.adapter.in.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Idempotency-Key} on the two writes a retry must not repeat: creating a task and toggling it. */
class IdempotencyKeyTest extends ApiTestSupport {

    private HttpResponse<String> send(String method, String path, String key, String body) {
        HttpRequest.Builder request = server.request(path, token).header("Content-Type", "application/json");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return server.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private int taskCount() {
        return json(server.get(tasks, token)).size();
    }

    @Test
    void aRetriedCreateGetsTheFirstAnswerAndCreatesNothing() {
        HttpResponse<String> first = send("POST", tasks, "\"create-1\"", "{\"title\":\"once\"}");
        assertEquals(201, first.statusCode(), first::body);
        assertFalse(first.headers().firstValue("Idempotent-Replayed").isPresent());

        HttpResponse<String> retry = send("POST", tasks, "create-1", "{ \"title\" : \"once\" }");

        assertEquals(201, retry.statusCode());
        assertEquals(first.body(), retry.body());
        assertEquals(header(first, "Location"), header(retry, "Location"));
        assertEquals(header(first, "ETag"), header(retry, "ETag"));
        assertEquals("true", header(retry, "Idempotent-Replayed"));
        assertEquals(1, taskCount());
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422AndChangesNothing() {
        assertEquals(201, send("POST", tasks, "k-body", "{\"title\":\"first\"}").statusCode());

        assertProblem(send("POST", tasks, "k-body", "{\"title\":\"second\"}"), 422);
        assertEquals(1, taskCount());
    }

    @Test
    void aRetriedToggleDoesNotToggleBack() {
        long id = createTask("{\"title\":\"toggle me\"}");
        String complete = tasks + "/" + id + "/complete";

        HttpResponse<String> first = send("PATCH", complete, "toggle-1", null);
        HttpResponse<String> retry = send("PATCH", complete, "toggle-1", null);

        assertEquals(200, first.statusCode(), first::body);
        assertEquals(first.body(), retry.body());
        assertTrue(json(server.get(tasks + "/" + id, token)).get("completed").asBoolean(), "completed once, not twice");
        assertEquals(2, json(server.get(tasks + "/" + id, token)).get("version").asLong());
    }

    @Test
    void aRefusedRequestKeepsNothingSoACorrectedRetryRuns() {
        assertInvalid(send("POST", tasks, "k-fix", "{\"title\":\"\"}"), "title");

        assertEquals(201, send("POST", tasks, "k-fix", "{\"title\":\"fixed\"}").statusCode());
        assertEquals(1, taskCount());
    }

    @Test
    void keysAreCheckedForShapeAndBelongToTheirUser() {
        assertProblem(send("POST", tasks, "", "{\"title\":\"x\"}"), 400);
        assertProblem(send("POST", tasks, "x".repeat(256), "{\"title\":\"x\"}"), 400);
        assertProblem(send("POST", tasks, "\"a b\"", "{\"title\":\"x\"}"), 400);
        assertProblem(send("POST", tasks, "a,b", "{\"title\":\"x\"}"), 400); // what a proxy makes of two headers
        assertEquals(0, taskCount());
    }
}
