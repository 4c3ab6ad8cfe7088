package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.RawHttp;
import app.todo.adapter.in.http.testing.TestServer;
import app.todo.adapter.in.http.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * At most so many connections are open at once (docs/operations.md, "Many connections"): past the cap the listener
 * accepts no more until one closes, so a flood of connections makes clients wait instead of filling the heap (5,000
 * idle connections killed a 96 MiB server before the cap). Here the cap is 8.
 */
class ConnectionLimitTest {

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pastTheCapAConnectionWaitsUntilAnotherCloses() {
        server = TestServer.start(UnaryOperator.identity(), () -> true, TestTokens.verifier(),
                builder -> builder.maxConnections(8));
        List<RawHttp> held = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                RawHttp connection = RawHttp.connect(server.port()).write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
                assertEquals(200, connection.read().status(), "connections up to the cap are served");
                held.add(connection);
            }
            try (RawHttp ninth = RawHttp.connect(server.port())) {
                ninth.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
                assertEquals("", ninth.drain(1_000), "the ninth connection is not taken while eight are open");

                held.removeFirst().close();
                RawHttp.Response answer = ninth.read();
                assertNotNull(answer, "once one closes, the waiting connection is served");
                assertEquals(200, answer.status());
            }
        } finally {
            held.forEach(RawHttp::close);
        }
    }

    @Test
    void theDefaultCapFollowsTheHeap() {
        assertEquals(2_048, TodoHttpServer.Builder.connectionsFor(96L * 1024 * 1024), "bin/run's 96 MiB");
        assertEquals(256, TodoHttpServer.Builder.connectionsFor(8L * 1024 * 1024), "never fewer");
        assertEquals(10_000, TodoHttpServer.Builder.connectionsFor(4L * 1024 * 1024 * 1024), "never more");
    }
}
