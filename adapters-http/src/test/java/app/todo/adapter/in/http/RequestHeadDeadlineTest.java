package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.RawHttp;
import app.todo.adapter.in.http.testing.TestServer;
import app.todo.adapter.in.http.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request's head must arrive within its deadline from its first byte (docs/operations.md, "Many connections"):
 * a client that sends a header byte now and then is never idle, so before the deadline such connections stayed open
 * for as long as their clients liked. So must a body that no route reads, such as a {@code GET}'s, within the
 * body's deadline. Here both deadlines are 1 s.
 */
class RequestHeadDeadlineTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(UnaryOperator.identity(), () -> true, TestTokens.verifier(),
                builder -> builder.headDeadline(Duration.ofSeconds(1)).bodyDeadline(Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void headsStalledInTheRequestLineOrTheHeadersAreClosedUnanswered() {
        List<RawHttp> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                stalled.add(RawHttp.connect(server.port()).write("GET /health/li"));
                stalled.add(RawHttp.connect(server.port()).write("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Slow: a"));
            }
            String user = "other-" + UUID.randomUUID();
            assertEquals(200, server.get("/api/" + user + "/tasks", TestTokens.valid(user)).statusCode(),
                    "another client is served meanwhile");
            for (RawHttp connection : stalled) {
                assertTrue(connection.closedByServer(15_000), "a head that never completes ends its connection");
            }
        } finally {
            stalled.forEach(RawHttp::close);
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheHeadDeadline() {
        try (RawHttp silent = RawHttp.connect(server.port())) {
            assertTrue(silent.closedByServer(15_000), "a connection must bring its first head within the deadline");
        }
    }

    @Test
    void aHeaderByteNowAndThenDoesNotKeepTheConnectionOpen() throws InterruptedException {
        try (RawHttp trickle = RawHttp.connect(server.port())) {
            assertTrue(closedWhileTrickling(trickle, "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Slow: ", "a"),
                    "the trickling head ended its connection");
        }
    }

    @Test
    void aGetWhoseChunkedBodyTricklesIsClosedAtTheBodyDeadline() throws InterruptedException {
        try (RawHttp trickle = RawHttp.connect(server.port())) {
            assertTrue(closedWhileTrickling(trickle,
                    "GET /health/live HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", "1\r\na\r\n"),
                    "the trickling body ended its connection");
        }
    }

    @Test
    void aGetWithASmallBodyIsAnsweredAsBefore() {
        try (RawHttp connection = RawHttp.connect(server.port())) {
            connection.write("GET /health/live HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                    + "GET /health/live HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n");
            assertEquals(200, connection.read().status());
            assertEquals(200, connection.read().status(), "the body was read away, so the next request follows it");
        }
    }

    /**
     * Sends {@code start}, then {@code piece} every 250 ms, 60 times: 15 s of a client that is never idle, against a
     * 1 s deadline. True once the server has closed the connection without answering.
     */
    private static boolean closedWhileTrickling(RawHttp connection, String start, String piece) throws InterruptedException {
        connection.write(start);
        for (int i = 0; i < 60; i++) {
            try {
                connection.write(piece);
                Thread.sleep(250);
            } catch (UncheckedIOException closed) {
                return true;
            }
        }
        return connection.closedByServer(5_000);
    }

    @Test
    void aHeadInSeveralPiecesWithinTheDeadlineIsAnswered() throws InterruptedException {
        try (RawHttp pieces = RawHttp.connect(server.port())) {
            for (String piece : List.of("GET /health/li", "ve HTTP/1.1\r\nHo", "st: x\r\n", "\r\n")) {
                pieces.write(piece);
                Thread.sleep(150);
            }
            RawHttp.Response answer = pieces.read();
            assertNotNull(answer);
            assertEquals(200, answer.status());

            // The deadline is per head: the connection lives on past it for the next request.
            Thread.sleep(1_500);
            pieces.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Response next = pieces.read();
            assertNotNull(next);
            assertEquals(200, next.status());
            assertFalse(pieces.closedByServer(300), "a connection whose heads arrive stays open");
        }
    }
}
