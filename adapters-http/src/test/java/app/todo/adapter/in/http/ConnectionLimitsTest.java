package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.OpenApiContract;
import app.todo.adapter.in.http.testing.RawHttp;
import app.todo.adapter.in.http.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's limits per connection: a request line under 4 KiB (4095 characters; {@code 414} beyond), and keep-alive
 * connections idle longer than the idle timeout closed by the server (60 s in production; a short one
 * injected here, so the test waits seconds, not a minute, and fails if the server never closes them).
 */
class ConnectionLimitsTest {

    private static final String HOST = "Host: 127.0.0.1\r\n";

    @Test
    void aRequestLineOf4KibIsServedAndALongerOneIs414() {
        try (TestServer server = TestServer.start(new HttpConfig("127.0.0.1", 0,
                HttpConfig.DEFAULT_MAX_BODY_BYTES, HttpConfig.DEFAULT_MAX_HEADER_BYTES, HttpConfig.DEFAULT_IDLE_TIMEOUT), builder -> { })) {
            // 4 KiB with its CR: 4095 characters before "\r\n" are served, 4096 are not.
            String fits = requestLine(4095);
            String tooLong = requestLine(4096);
            try (RawHttp http = RawHttp.connect(server.port())) {
                http.write(fits + "\r\n" + HOST + "\r\n");
                RawHttp.Response response = http.read();
                assertNotNull(response, "answered");
                assertEquals(200, response.status(), response::toString);
            }
            try (RawHttp http = RawHttp.connect(server.port())) {
                http.write(tooLong + "\r\n" + HOST + "\r\n");
                RawHttp.Response response = http.read();
                assertNotNull(response, "answered, not just closed");
                assertEquals(414, response.status(), response::toString);
                assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response::toString);
            }
        }
    }

    @Test
    void aKeptAliveConnectionIdleLongerThanTheTimeoutIsClosedByTheServer() {
        HttpConfig shortIdle = new HttpConfig("127.0.0.1", 0, HttpConfig.DEFAULT_MAX_BODY_BYTES,
                HttpConfig.DEFAULT_MAX_HEADER_BYTES, Duration.ofSeconds(1));
        try (TestServer server = TestServer.start(shortIdle,
                builder -> builder.customizeServer(s -> s.idleConnectionPeriod(Duration.ofSeconds(1))));
             RawHttp http = RawHttp.connect(server.port())) {
            http.write("GET /health/live HTTP/1.1\r\n" + HOST + "\r\n");
            RawHttp.Response response = http.read();
            assertEquals(200, response.status(), response::toString);
            OpenApiContract.check("GET", "/health/live", response.status(), headersOf(response), response.body());
            assertFalse(response.headers("Connection").contains("close"), "kept alive");

            // Idle 1 s, looked for every second: closed within about 2 s. 20 s is generous for a busy
            // machine and still fails a server that keeps idle connections open (or keeps them 60 s).
            assertTrue(http.closedByServer(20_000), "the server closes a connection idle past its timeout");
        }
    }

    @Test
    void productionKeepsTheReadmesSixtySeconds() {
        assertEquals(Duration.ofSeconds(60), HttpConfig.DEFAULT_IDLE_TIMEOUT);
        assertEquals(Duration.ofSeconds(60), HttpConfig.onPort(8080).idleTimeout());
    }

    private static String requestLine(int length) {
        String start = "GET /health/live?pad=";
        String end = " HTTP/1.1";
        return start + "a".repeat(length - start.length() - end.length()) + end;
    }

    private static Map<String, List<String>> headersOf(RawHttp.Response response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : response.lines().subList(1, response.lines().size())) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        return headers;
    }
}
