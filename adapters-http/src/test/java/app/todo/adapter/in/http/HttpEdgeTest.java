package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.OpenApiContract;
import app.todo.adapter.in.http.testing.RawHttp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP edge as real proxies and clients speak it, over a raw socket where a client library would
 * hide the case (docs/api.md): no 500, no request lost, no body on a HEAD.
 */
class HttpEdgeTest extends ApiTestSupport {

    private static final String HOST = "Host: 127.0.0.1\r\n";

    private RawHttp connect() {
        return RawHttp.connect(server.port());
    }

    /** The next final response, skipping interim 1xx ones ({@code 100 Continue}). */
    private static RawHttp.Response finalResponse(RawHttp http, boolean headOnly) {
        RawHttp.Response response = http.read(headOnly);
        while (response != null && response.status() < 200) {
            response = http.read(headOnly);
        }
        return response;
    }

    /**
     * {@code 100 Continue} goes out at once, and the body is read before any answer (docs/operations.md, "Many
     * connections"), so even a request refused with 401 leaves the connection in step for the next one.
     */
    @Test
    void aBodyAnnouncedWithExpectContinueIsReadBeforeThe401AndTheNextRequestIsAnswered() {
        String body = "{\"title\":\"sent anyway\"}";
        try (RawHttp http = connect()) {
            http.write("POST " + tasks + " HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nExpect: 100-continue\r\n\r\n");
            RawHttp.Response interim = http.read(true);
            assertEquals(100, interim.status(), interim::toString);

            http.write(body);
            RawHttp.Response refused = finalResponse(http, false);
            assertEquals(401, refused.status(), refused::toString);

            http.write("GET /health/live HTTP/1.1\r\n" + HOST + "\r\n");
            RawHttp.Response next = finalResponse(http, false);
            assertTrue(next != null && next.status() == 200, () -> "the next request is answered, got " + next);
        }
    }

    @Test
    void http10AsNginxSendsItUpstreamByDefaultGetsARealAnswer() {
        try (RawHttp http = connect()) {
            http.write("GET /health/live HTTP/1.0\r\n" + HOST + "\r\n");
            RawHttp.Response response = http.read();

            assertNotNull(response, "the connection closed without a byte");
            assertEquals(505, response.status(), response::toString);
            assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response::toString);
            assertTrue(response.body().contains("\"status\":505"), response::body);
        }
    }

    @Test
    void optionsAsteriskIsAnsweredWithAllowNever500() {
        try (RawHttp http = connect()) {
            http.write("OPTIONS * HTTP/1.1\r\n" + HOST + "\r\n");
            RawHttp.Response response = http.read();

            assertEquals(200, response.status(), response::toString);
            assertTrue(response.header("Allow").contains("GET"), response::toString);
            assertNotNull(response.header("X-Request-Id"));
        }
    }

    @Test
    void headAnswersEveryGetWithItsStatusAndHeadersAndNoBody() {
        createTask("{\"title\":\"counted\"}");
        try (RawHttp http = connect()) {
            // Pipelined: had the HEAD answer carried a body, the GET's answer would not parse.
            http.write("HEAD " + tasks + " HTTP/1.1\r\n" + HOST + "Authorization: Bearer " + token + "\r\n\r\n"
                    + "GET " + tasks + " HTTP/1.1\r\n" + HOST + "Authorization: Bearer " + token + "\r\n\r\n"
                    + "HEAD /health/live HTTP/1.1\r\n" + HOST + "\r\n"
                    + "HEAD " + tasks + " HTTP/1.1\r\n" + HOST + "\r\n"
                    + "GET /health/live HTTP/1.1\r\n" + HOST + "\r\n");

            RawHttp.Response head = http.read(true);
            RawHttp.Response get = http.read(false);
            RawHttp.Response headLive = http.read(true);
            RawHttp.Response headWithoutToken = http.read(true);
            RawHttp.Response getLive = http.read(false);

            assertEquals(200, head.status());
            assertEquals("1", head.header("X-Total-Count"));
            assertEquals(200, get.status(), get::toString);
            assertEquals(get.header("Content-Length"), head.header("Content-Length"), "the GET's length, no body");
            assertEquals(get.header("Content-Type"), head.header("Content-Type"));
            assertEquals(200, headLive.status());
            assertEquals(401, headWithoutToken.status(), "errors to HEAD have no body either");
            assertNotNull(headWithoutToken.header("WWW-Authenticate"));
            assertEquals(200, getLive.status(), getLive::toString);
            assertEquals("{\"status\":\"UP\"}", getLive.body());
            OpenApiContract.check("HEAD", tasks, head.status(), headersOf(head), "");
            OpenApiContract.check("HEAD", "/health/live", headLive.status(), headersOf(headLive), "");
        }
    }

    @Test
    void connectionCloseClosesTheConnectionAfterTheResponse() {
        try (RawHttp http = connect()) {
            http.write("GET /health/live HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n");
            RawHttp.Response response = http.read();

            assertEquals(200, response.status());
            assertTrue(http.closedByServer(3000), "the server closes the connection at once");
        }
        try (RawHttp http = connect()) {
            http.write("GET /nowhere HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n");
            assertEquals(404, http.read().status());
            assertTrue(http.closedByServer(3000), "after an error answer too");
        }
    }

    @Test
    void ifMatchUsesTheStrongComparisonAndAnUnquotedVersionIsABadRequest() {
        long id = createTask("{\"title\":\"compare strongly\"}");
        String task = tasks + "/" + id;

        assertProblem(put(task, "{\"title\":\"weak\"}", "W/\"1\""), 412);
        assertProblem(put(task, "{\"title\":\"unquoted\"}", "1"), 400);
        assertEquals("compare strongly", json(server.get(task, token)).get("title").asText());
        assertEquals(200, put(task, "{\"title\":\"strong\"}", "\"1\"").statusCode());
    }

    private java.net.http.HttpResponse<String> put(String path, String body, String ifMatch) {
        return server.send(server.request(path, token).header("Content-Type", "application/json")
                .header("If-Match", ifMatch).PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** If-None-Match on a task and on a list answers 304 while nothing changed. */
    @Test
    void ifNoneMatchAnswers304ForATaskAndAListUntilSomethingChanges() {
        long id = createTask("{\"title\":\"polled\"}");
        String task = tasks + "/" + id;

        assertEquals(304, conditionalGet(task, "\"1\"").statusCode());
        assertEquals(304, conditionalGet(task, "W/\"1\"").statusCode(), "weak comparison");
        assertEquals(200, conditionalGet(task, "\"2\"").statusCode());

        java.net.http.HttpResponse<String> list = server.get(tasks, token);
        String listTag = header(list, "ETag");
        assertNotNull(listTag);
        java.net.http.HttpResponse<String> unchanged = conditionalGet(tasks, listTag);
        assertEquals(304, unchanged.statusCode());
        assertEquals("", unchanged.body());
        assertEquals(listTag, header(unchanged, "ETag"));

        assertEquals(200, put(task, "{\"title\":\"changed\"}", "\"1\"").statusCode());
        java.net.http.HttpResponse<String> changed = conditionalGet(tasks, listTag);
        assertEquals(200, changed.statusCode(), "any change of a task changes the list's tag");
        assertNotEquals(listTag, header(changed, "ETag"));
    }

    /**
     * A page past {@link TaskRoutes#RENDERED_WHOLE} tasks goes out as it renders: the same bytes, length, tag and
     * HEAD as a page rendered whole, and a tag that changes with any task on it.
     */
    @Test
    void aLongPageStreamsWithTheLengthTagAndHeadOfAWholeOne() {
        for (int i = 0; i <= TaskRoutes.RENDERED_WHOLE; i++) {
            createTask("{\"title\":\"t" + i + " é 😀\",\"description\":\"" + "d".repeat(i) + "\",\"tags\":[\"a\",\"b\"]}");
        }
        String path = tasks + "?limit=500";

        java.net.http.HttpResponse<String> list = server.get(path, token);
        assertEquals(TaskRoutes.RENDERED_WHOLE + 1, json(list).size());
        assertEquals(list.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                Long.parseLong(header(list, "Content-Length")));
        java.net.http.HttpResponse<String> head = server.send(server.request(path, token)
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(header(list, "Content-Length"), header(head, "Content-Length"));
        assertEquals(header(list, "ETag"), header(head, "ETag"));
        assertEquals("", head.body());
        assertEquals(304, conditionalGet(path, header(list, "ETag")).statusCode());

        long last = json(list).get(0).get("id").asLong();
        assertEquals(200, put(tasks + "/" + last, "{\"title\":\"changed\"}", "\"1\"").statusCode());
        assertEquals(200, conditionalGet(path, header(list, "ETag")).statusCode(), "a changed task changes the page's tag");
    }

    /** One caller's answers are no shared cache's to keep; a browser's own cache may keep and revalidate them. */
    @Test
    void answersToACallerArePrivateAndAnswersWithoutOneAreNot() {
        long id = createTask("{\"title\":\"mine\"}");

        assertEquals("private, no-cache", header(server.get(tasks, token), "Cache-Control"));
        assertEquals("private, no-cache", header(server.get(tasks + "/" + id, token), "Cache-Control"));
        assertEquals("private, no-cache", header(conditionalGet(tasks + "/" + id, "\"1\""), "Cache-Control"));
        assertEquals(null, header(server.get("/health/live", null), "Cache-Control"));
    }

    private java.net.http.HttpResponse<String> conditionalGet(String path, String ifNoneMatch) {
        return server.send(server.request(path, token).header("If-None-Match", ifNoneMatch).GET().build());
    }

    @Test
    void contentLengthsThatDisagreeAreABadRequestAndTheConnectionCloses() {
        for (String lengths : List.of("Content-Length: 2\r\nContent-Length: 40\r\n", "Content-Length: 2, 40\r\n")) {
            try (RawHttp http = connect()) {
                http.write("POST /api/auth/sign-in HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                        + lengths + "\r\n{}");
                RawHttp.Response response = http.read();

                assertEquals(400, response.status(), lengths);
                assertEquals("close", response.header("Connection"), response.lines().toString());
            }
        }
        try (RawHttp http = connect()) {
            http.write("POST /api/auth/sign-in HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                    + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}");
            assertNotEquals(400, http.read().status(), "repeats of one length are that length (RFC 9112 section 6.3)");
        }
    }

    @Test
    void aRequestTargetThatIsNotAPathIsABadRequest() {
        try (RawHttp http = connect()) {
            http.write("GET * HTTP/1.1\r\n" + HOST + "\r\n");
            RawHttp.Response response = http.read();
            assertNotEquals(500, response.status());
            assertFalse(response.body().contains("Exception"));
        }
    }

    private static Map<String, List<String>> headersOf(RawHttp.Response response) {
        java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : response.lines().subList(1, response.lines().size())) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon), k -> new java.util.ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        return headers;
    }
}
