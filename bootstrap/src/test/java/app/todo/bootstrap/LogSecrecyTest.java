package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No request body, header value or token ever reaches the log: a marker password goes through
 * every failure path the edge can be driven into, with every logger at its most verbose, and the
 * captured log holds the marker in no case and no encoding.
 */
class LogSecrecyTest {

    private static final String MARKER = "Zq7MarkerPw9xK";
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final Logger root = Logger.getLogger("");
    private final Logger access = Logger.getLogger("app.todo.access");
    private Level rootLevel;
    private Level accessLevel;
    private Handler capture;

    @BeforeEach
    void captureEverything() {
        rootLevel = root.getLevel();
        // The test JVMs keep the access log off (.mvn/test-logging.properties); production has it on, and its
        // lines are part of what must stay free of secrets. Set here, so no other test class's order matters.
        accessLevel = access.getLevel();
        access.setLevel(Level.INFO);
        root.setLevel(Level.ALL);
        capture = new StreamHandler(captured, new SimpleFormatter());
        capture.setLevel(Level.ALL);
        capture.setFilter(new LogRedaction()); // as Main installs it on every handler
        root.addHandler(capture);
    }

    @AfterEach
    void restore() {
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        access.setLevel(accessLevel);
    }

    @Test
    void aPasswordSentThroughEveryFailurePathNeverReachesTheLog() throws Exception {
        String signIn = "{\"email\":\"nobody@example.com\",\"password\":\"" + MARKER + "\"}";
        try (RunningService service = RunningService.start(Map.of(
                "DATA_DIR", Files.createTempDirectory("todo-log").toString()))) {
            int port = service.port();
            String host = "Host: 127.0.0.1\r\n";
            List<String> attempts = new ArrayList<>(List.of(
                    // a sign-in that fails as it should
                    "POST /api/auth/sign-in HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: "
                            + signIn.length() + "\r\n\r\n" + signIn,
                    // the body where the request line should be
                    signIn + "\r\n\r\n",
                    // a request line that is not one
                    "POST /api/auth/sign-in?password=" + MARKER + " HTTP/1.1 extra\r\n" + host + "\r\n",
                    // an Expect the server does not know, with the body right behind it
                    "POST /api/auth/sign-in HTTP/1.1\r\n" + host + "Expect: " + MARKER + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + signIn.length() + "\r\n\r\n" + signIn,
                    // early rejection (no token) of a body announced with Expect: 100-continue, then junk
                    "POST /api/u/tasks HTTP/1.1\r\n" + host + "Expect: 100-continue\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + signIn.length() + "\r\n\r\n" + signIn + signIn + "\r\n\r\n",
                    // broken chunked encoding
                    "POST /api/auth/sign-in HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + signIn + "\r\n0\r\n\r\n",
                    // a token that is the secret itself, and a header that is not a header
                    "GET /api/u/tasks HTTP/1.1\r\n" + host + "Authorization: Bearer " + MARKER + "." + MARKER + "\r\n\r\n",
                    "GET /health/live HTTP/1.1\r\n" + host + MARKER + "\r\n\r\n",
                    // a body that is not JSON
                    "POST /api/auth/sign-in HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: "
                            + (MARKER.length() + 1) + "\r\n\r\n{" + MARKER));
            // a body over the limit
            String large = "{\"password\":\"" + MARKER.repeat(6000) + "\"}";
            attempts.add("POST /api/auth/sign-in HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: "
                    + large.length() + "\r\n\r\n" + large);
            for (String attempt : attempts) {
                try (RawHttp http = RawHttp.connect(port)) {
                    http.write(attempt);
                    http.drain(500);
                } catch (RuntimeException closedEarly) {
                    // the server may close on a broken request before reading it all; that is fine
                }
            }
        }
        capture.flush();
        String log = captured.toString(StandardCharsets.UTF_8);

        assertTrue(log.contains("sign-in"), "the log did capture the traffic's access lines");
        String hex = HexFormat.of().formatHex(MARKER.getBytes(StandardCharsets.US_ASCII));
        String spacedHex = String.join(" ", hex.split("(?<=\\G..)"));
        for (String form : List.of(MARKER, MARKER.toUpperCase(Locale.ROOT), MARKER.toLowerCase(Locale.ROOT),
                hex, hex.toUpperCase(Locale.ROOT), spacedHex, spacedHex.toUpperCase(Locale.ROOT))) {
            assertFalse(log.contains(form), () -> "the log holds " + form + ":\n" + log);
        }
    }
}
