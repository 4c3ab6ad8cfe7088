package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.RawHttp;
import app.todo.adapter.in.http.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request framing and targets as request-smuggling write-ups use them, over a raw socket (RFC 9112 §6, RFC 9110):
 * whatever a proxy in front could read differently is a 400 and the connection closes, so no byte of a body is
 * ever answered as a request of its own; nothing framing-related is a 500.
 */
class RequestFramingTest extends ApiTestSupport {

    private static final String HOST = "Host: 127.0.0.1\r\n";
    private static final String TITLE = "{\"title\":\"a\"}"; // 13 bytes

    private String head(String method, String path, String... headers) {
        return method + " " + path + " HTTP/1.1\r\n" + HOST + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n" + String.join("", headers) + "\r\n";
    }

    /** The request's answer, and whether the server then closed the connection instead of reading on. */
    private record Outcome(RawHttp.Response response, boolean closed) {
    }

    private Outcome send(String request) {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.write(request);
            RawHttp.Response response = http.read();
            return new Outcome(response, http.closedByServer(3000));
        }
    }

    private void assertRefusedAndClosed(String request, String why) {
        assertRefusedAndClosed(request, why, 400);
    }

    private void assertRefusedAndClosed(String request, String why, int status) {
        Outcome outcome = send(request);
        assertEquals(status, outcome.response().status(), () -> why + ": " + outcome.response());
        assertTrue(outcome.closed(), why + ": the connection must close, the rest of the bytes are not a request");
        assertEquals(0, taskCount(), why + ": nothing stored");
    }

    private int taskCount() {
        return json(server.get(tasks, token)).size();
    }

    @Test
    void transferEncodingBesideContentLengthIsRefusedAndCloses() {
        assertRefusedAndClosed(head("POST", tasks, "Content-Length: 5\r\n", "Transfer-Encoding: chunked\r\n")
                + "0\r\n\r\n", "TE and CL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "+13", "0x0d", "1_3"})
    void aContentLengthThatIsNotDigitsIsRefusedAndCloses(String length) {
        assertRefusedAndClosed(head("POST", tasks, "Content-Length: " + length + "\r\n") + TITLE
                + "GET /health/live HTTP/1.1\r\n" + HOST + "\r\n", "Content-Length: " + length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11zz", "0x11", "-11", "d ", "d;a=b\u0000", "123456789"})
    void aChunkSizeHelidonCannotReadIsABadRequestThatClosesNeverA500(String size) {
        assertRefusedAndClosed(head("POST", tasks, "Transfer-Encoding: chunked\r\n") + size + "\r\n" + TITLE
                + "\r\n0\r\n\r\n", "chunk size " + size);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xchunked", "gzip, chunked", "identity"})
    void aTransferCodingOtherThanChunkedIsRefusedAndCloses(String coding) {
        assertRefusedAndClosed(head("POST", tasks, "Transfer-Encoding: " + coding + "\r\n") + "d\r\n" + TITLE
                + "\r\n0\r\n\r\n", "Transfer-Encoding: " + coding, 501);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunked", "Chunked", "CHUNKED"})
    void aWellFormedChunkedBodyIsServed(String coding) {
        Outcome outcome = send(head("POST", tasks, "Transfer-Encoding: " + coding + "\r\n") + "d\r\n" + TITLE
                + "\r\n0\r\n\r\n");
        assertEquals(201, outcome.response().status(), outcome.response()::toString);
    }

    @Test
    void chunkExtensionsAndTrailersAreReadAndDropped() {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.write(head("POST", tasks, "Transfer-Encoding: chunked\r\n") + "5;a=b ; c=\"d;e\"\r\n{\"tit\r\n"
                    + "8 ;x\r\nle\":\"a\"}\r\n0;last\r\nX-Checksum: 1\r\nAuthorization: Bearer nonsense\r\n\r\n");
            assertEquals(201, http.read().status());
            http.write(head("GET", tasks));
            RawHttp.Response list = http.read();
            assertEquals(200, list.status(), "the connection stays in step after a trailer section");
            assertEquals("1", list.header("X-Total-Count"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "\n", "\r", "ab"})
    void chunkDataNotEndedByCrlfIsRefusedAndCloses(String after) {
        assertRefusedAndClosed(head("POST", tasks, "Transfer-Encoding: chunked\r\n") + "d\r\n" + TITLE + after
                + "0\r\n\r\n", "chunk data followed by " + after.replace("\r", "CR").replace("\n", "LF"));
    }

    @Test
    void aMalformedTrailerIsRefusedAndCloses() {
        assertRefusedAndClosed(head("POST", tasks, "Transfer-Encoding: chunked\r\n") + "d\r\n" + TITLE
                + "\r\n0\r\nno colon here\r\n\r\n", "a trailer line that is no field");
    }

    /** A first request answered early, then a second one hidden in its body: the second must never run. */
    @ParameterizedTest
    @ValueSource(strings = {
            "OPTIONS * HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
            "get /health/live HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
            "GET foo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
            "OPTIONS * HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
            "get /health/live HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 9\r\n\r\n",
            "GET /health/live HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \u000bchunked\r\n\r\n0\r\n\r\n",
            "GET /health/live HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\u001f\r\n\r\n0\r\n\r\n"})
    void aRequestAnsweredEarlyNeverLetsItsBodyRunAsARequest(String first) {
        long id = createTask(TITLE);
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.write(first + "DELETE " + tasks + "/" + id + " HTTP/1.1\r\n" + HOST + "Authorization: Bearer " + token
                    + "\r\n\r\n");
            RawHttp.Response answer = http.read();
            assertTrue(answer.status() >= 400, answer::toString);
            assertTrue(http.closedByServer(3000), "the connection closes after " + answer.status());
        }
        assertEquals(1, taskCount(), "the hidden DELETE did not run");
    }

    /** The guard shortens a padded Transfer-Encoding line; the header limit counts what Helidon is given. */
    @ParameterizedTest
    @ValueSource(ints = {300, 500})
    void aPaddedTransferEncodingNearTheHeaderLimitIsReadOneWayOnly(int spaces) {
        String padding = "a".repeat(HttpConfig.DEFAULT_MAX_HEADER_BYTES - 450);
        long id = createTask(TITLE);
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.write("GET /health/live HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:" + " ".repeat(spaces) + "chunked\r\n"
                    + "X-Pad: " + padding + "\r\n\r\n0\r\n\r\ndelete " + tasks + "/" + id + " HTTP/1.1\r\n" + HOST
                    + "Authorization: Bearer " + token + "\r\n\r\n");
            RawHttp.Response answer = http.read();
            assertTrue(answer.status() == 200 || answer.status() == 431 || answer.status() == 400, answer::toString);
            if (answer.status() == 200) {
                assertEquals(501, http.read().status(), "the lower-case delete after the chunked body");
            }
        }
        assertEquals(1, taskCount(), "nothing hidden ran");
    }

    @Test
    void validJsonPastALimitIsToldApartFromInvalidJson() {
        String deep = "{\"title\":\"t\",\"x\":" + "[".repeat(70) + "]".repeat(70) + "}";
        var limited = server.json("POST", tasks, token, deep);
        assertEquals(400, limited.statusCode(), limited::body);
        assertTrue(limited.body().contains("limit on JSON: Document nesting depth (65) exceeds the maximum allowed (64)"),
                limited::body);

        var broken = server.json("POST", tasks, token, "{\"title\":");
        assertEquals(400, broken.statusCode(), broken::body);
        assertTrue(broken.body().contains("is not valid JSON"), broken::body);
        assertEquals(0, taskCount());
    }

    /** A field name is a token of one character or more (RFC 9110 §5.1); Helidon took ": v" as a header. */
    @ParameterizedTest
    @ValueSource(strings = {": v", " : v", "X A: v", "X-A v", " folded"})
    void aHeaderLineThatIsNoFieldIsRefusedAndCloses(String line) {
        assertRefusedAndClosed(head("POST", tasks, line + "\r\n", "Content-Length: 2\r\n") + "{}", "no field: " + line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GE(T", "GET:", "G\"ET", "GE\u007fT", "[GET]", "ge(t"})
    void aMethodThatIsNoTokenIsABadRequestNeverA500(String method) {
        Outcome outcome = send(method + " /health/live HTTP/1.1\r\n" + HOST + "\r\n");
        assertEquals(400, outcome.response().status(), outcome.response()::toString);
    }

    @Test
    void emptyLinesBeforeARequestLineAreIgnored() {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.write("\r\nGET /health/live HTTP/1.1\r\n" + HOST + "\r\n");
            assertEquals(200, http.read().status());
            http.write(head("POST", tasks, "Content-Length: 13\r\n") + TITLE + "\r\n");
            assertEquals(201, http.read().status());
            http.write("GET /health/live HTTP/1.1\r\n" + HOST + "\r\n");
            assertEquals(200, http.read().status(), "a CRLF after a body is no request of its own");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"delete", "Delete", "put", "patch", "get", "post"})
    void aMethodInLowerCaseIsNotImplementedAndNothingRuns(String method) {
        long id = createTask(TITLE);
        String body = "{\"title\":\"changed\"}";
        RawHttp.Response problem;
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.write(method + " " + tasks + "/" + id + " HTTP/1.1\r\n" + HOST + "Authorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            problem = http.read();
        }
        assertEquals(501, problem.status(), problem::toString);
        assertTrue(problem.body().contains("case-sensitive"), problem::toString);
        assertEquals("a", json(server.get(tasks + "/" + id, token)).get("title").asText(), "nothing ran");
        assertEquals(1, taskCount());
    }

    @Test
    void theAbsoluteFormIsServedAsItsPath() {
        Outcome outcome = send("GET http://127.0.0.1:" + server.port() + tasks + "?limit=5 HTTP/1.1\r\n" + HOST
                + "Authorization: Bearer " + token + "\r\n\r\n");
        assertEquals(200, outcome.response().status(), outcome.response()::toString);
        assertEquals("0", outcome.response().header("X-Total-Count"));
    }

    @Test
    void anEncodedSlashIsNeverAPathSeparator() {
        long id = createTask(TITLE);
        Outcome outcome = send(head("PATCH", tasks + "/" + id + "%2Fcomplete", "Content-Length: 0\r\n"));
        assertEquals(404, outcome.response().status(), outcome.response()::toString);
        assertFalse(json(server.get(tasks + "/" + id, token)).get("completed").asBoolean(), "not toggled");
    }

    @Test
    void twoAuthorizationHeadersAreABadRequest() {
        String other = TestTokens.valid("user-other");
        Outcome outcome = send("GET " + tasks + " HTTP/1.1\r\n" + HOST + "Authorization: Bearer " + token + "\r\n"
                + "Authorization: Bearer " + other + "\r\n\r\n");
        assertEquals(400, outcome.response().status(), outcome.response()::toString);
    }

    @Test
    void anOffsetNearTheLongRangeIsA422AndNonAsciiDigitsAreNoNumber() {
        for (String query : new String[] {"offset=9223372036854775800", "offset=1000000000001", "limit=%D9%A2",
                "limit=%EF%BC%92", "limit=+2"}) {
            assertInvalid(server.get(tasks + "?" + query, token), query.substring(0, query.indexOf('=')));
        }
        assertEquals(200, server.get(tasks + "?offset=1000000000000", token).statusCode());
    }

    @Test
    void overlongUtf8InABodyIsABadRequestNotADifferentCharacter() {
        for (byte[] overlong : new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                {(byte) 0xC0, (byte) 0xBC}}) {
            byte[] body = new byte[11 + overlong.length];
            byte[] prefix = "{\"title\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(overlong, 0, body, prefix.length, overlong.length);
            body[body.length - 1] = '"';
            byte[] whole = new byte[body.length + 1];
            System.arraycopy(body, 0, whole, 0, body.length);
            whole[whole.length - 1] = '}';
            assertEquals(400, server.send(server.request(tasks, token).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(whole)).build()).statusCode());
        }
        assertEquals(0, taskCount());
    }

    @Test
    void writesHonourIfNoneMatch() {
        long id = createTask(TITLE);
        String task = tasks + "/" + id;
        for (String condition : new String[] {"*", "\"1\"", "W/\"1\""}) {
            assertProblem(server.send(server.request(task, token).header("Content-Type", "application/json")
                    .header("If-None-Match", condition)
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"b\"}")).build()), 412);
            assertProblem(server.send(server.request(task, token).header("If-None-Match", condition).DELETE().build()), 412);
        }
        assertEquals("a", json(server.get(task, token)).get("title").asText(), "nothing changed");
        assertEquals(200, server.send(server.request(task, token).header("Content-Type", "application/json")
                .header("If-None-Match", "\"7\"")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"b\"}")).build()).statusCode(),
                "a tag that is not the current one lets the write through");
        assertTrue(Map.of("title", "b").get("title").equals(json(server.get(task, token)).get("title").asText()));
    }

    /** A client gone halfway through a body no route reads is no failure of ours: no 500, just the connection closed. */
    @Test
    void aGetWhoseBodyEndsEarlyIsClosedWithoutAnAnswerNotAFailure() {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.write("GET /health/live HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabcd").halfClose();

            RawHttp.Response answer = http.read();
            assertEquals(null, answer == null ? null : answer.statusLine(), "no answer, least of all a 500");
        }
    }
}
