package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.TestServer;
import app.todo.adapter.in.http.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text beyond the Basic Multilingual Plane round-trips as UTF-8, counted as one character each. */
class Utf8ResponseTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twoHundredEmojiAreAValidTitleAndComeBackAsUtf8() {
        String title = "😀".repeat(200);
        HttpResponse<String> created = server.json("POST", "/api/emoji/tasks", TestTokens.valid("emoji"),
                "{\"title\":\"" + title + "\",\"tags\":[\"🏠\"]}");

        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"title\":\"" + title + "\""), created.body());
        assertTrue(created.body().contains("\"tags\":[\"🏠\"]"), created.body());
        assertFalse(created.body().contains("\\uD83D"), "no escaped surrogate pairs");
        assertEquals(422, server.json("POST", "/api/emoji/tasks", TestTokens.valid("emoji"),
                "{\"title\":\"" + "😀".repeat(201) + "\"}").statusCode());
    }
}
