package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs reported against services like ours, on PostgreSQL and on the embedded default through the
 * real wiring: each store gives the same, right answer, and what a 2xx acknowledged is exactly what a
 * later GET returns (docs/rules.md §3).
 */
class BadInputEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningService postgres;
    private static RunningService embedded;
    private static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("todo-bad-input");
        postgres = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrl(TestPostgres.newDatabase()),
                "BETTER_AUTH_SECRET", TestTokens.SECRET));
        embedded = RunningService.start(Map.of("DATA_DIR", dataDir.toString(), "BETTER_AUTH_SECRET", TestTokens.SECRET));
    }

    @AfterAll
    static void stop() {
        postgres.close();
        embedded.close();
    }

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("postgresql", postgres), Arguments.of("embedded", embedded));
    }

    private record Caller(RunningService service, String token, String tasks) {
        static Caller on(RunningService service) {
            String user = "user-" + UUID.randomUUID();
            return new Caller(service, TestTokens.valid(user), "/api/" + user + "/tasks");
        }

        HttpResponse<String> send(String method, String path, String body, String... headers) {
            return service.send(method, path, token, body, headers);
        }
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("stores")
    void textNoStoreHoldsExactlyIs422NamingTheField(String store, RunningService service) throws Exception {
        Caller caller = Caller.on(service);

        assertInvalid(caller.send("POST", caller.tasks(), "{\"title\":\"a\\u0000b\"}"), "title");
        assertInvalid(caller.send("POST", caller.tasks(), "{\"title\":\"ok\",\"tags\":[\"a\\u0000\"]}"), "tags");
        assertInvalid(caller.send("POST", caller.tasks(), "{\"title\":\"x\\ud800y\"}"), "title");
        assertInvalid(caller.send("POST", caller.tasks(), "{\"title\":\"ok\",\"description\":\"\\udc00\"}"), "description");
        assertInvalid(caller.send("GET", caller.tasks() + "?q=%00", null), "q");
        assertInvalid(caller.send("GET", caller.tasks() + "?q=%C3%28", null), "q"); // not UTF-8: no silent U+FFFD
        assertInvalid(caller.send("GET", caller.tasks() + "?tag=%FF", null), "tag");
        assertEquals(200, caller.send("GET", caller.tasks() + "?q=%C3%A9t%C3%A9", null).statusCode(), "UTF-8 is fine");
        assertInvalid(caller.send("POST", caller.tasks(), "{\"title\":\"old\",\"due_date\":\"1582-10-10\"}"), "due_date");
        assertInvalid(caller.send("POST", caller.tasks(), "{\"title\":\"old\",\"due_date\":\"0000-01-01\"}"), "due_date");

        long id = JSON.readTree(caller.send("POST", caller.tasks(), "{\"title\":\"fine\"}").body()).get("id").asLong();
        assertInvalid(caller.send("PUT", caller.tasks() + "/" + id, "{\"title\":\"a\\u0000b\"}"), "title");
        assertEquals("fine", JSON.readTree(caller.send("GET", caller.tasks() + "/" + id, null).body()).get("title").asText());
        assertEquals("1", caller.send("GET", caller.tasks(), null).headers().firstValue("X-Total-Count").orElseThrow(),
                store + " stored nothing of the refused requests");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("stores")
    void everyRouteAnswersWithATrailingSlashToo(String store, RunningService service) throws Exception {
        Caller caller = Caller.on(service);

        HttpResponse<String> created = caller.send("POST", caller.tasks() + "/", "{\"title\":\"slash\"}");
        assertEquals(201, created.statusCode(), created::body);
        long id = JSON.readTree(created.body()).get("id").asLong();
        String task = caller.tasks() + "/" + id + "/";

        HttpResponse<String> list = caller.send("GET", caller.tasks() + "/?status=pending", null);
        assertEquals(200, list.statusCode());
        assertEquals(id, JSON.readTree(list.body()).get(0).get("id").asLong());
        assertEquals(200, caller.send("GET", task, null).statusCode());
        assertEquals(200, caller.send("PUT", task, "{\"title\":\"slashed\"}", "If-Match", "\"1\"").statusCode());
        assertEquals(200, caller.send("PATCH", caller.tasks() + "/" + id + "/complete/", null).statusCode());
        assertEquals(200, caller.service().send("GET", "/api/auth/me/", caller.token(), null).statusCode());
        assertEquals(200, caller.service().send("GET", "/health/live/", null, null).statusCode());
        assertEquals(401, caller.service().send("GET", caller.tasks() + "/", null, null).statusCode(),
                "the slash does not bypass authentication");
        assertEquals(204, caller.send("DELETE", task, null).statusCode());
        assertEquals(404, caller.send("GET", task, null).statusCode());
    }

    /**
     * Random text of the kinds that break stores (NUL, surrogate halves, emoji, combining marks, control
     * characters) at create and search: each answer is a 422 naming the field, or an exact round trip.
     */
    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("stores")
    void randomTextIsRefusedOrRoundTripsExactly(String store, RunningService service) throws Exception {
        Caller caller = Caller.on(service);
        Random random = new Random(20261130L);
        int stored = 0;
        for (int i = 0; i < 60; i++) {
            String title = randomText(random);
            String description = randomText(random);
            HttpResponse<String> created = caller.send("POST", caller.tasks(),
                    "{\"title\":" + jsonString(title) + ",\"description\":" + jsonString(description) + "}");
            if (created.statusCode() == 422) {
                JsonNode problem = JSON.readTree(created.body());
                String field = problem.get("errors").get(0).get("field").asText();
                assertTrue(field.equals("title") || field.equals("description"), created::body);
            } else {
                assertEquals(201, created.statusCode(), created::body);
                stored++;
                JsonNode acknowledged = JSON.readTree(created.body());
                JsonNode read = JSON.readTree(caller.send("GET", caller.tasks() + "/" + acknowledged.get("id").asLong(),
                        null).body());
                assertEquals(acknowledged.get("title").asText(), read.get("title").asText(), store);
                assertEquals(acknowledged.get("description").asText(), read.get("description").asText(), store);
                assertEquals(title.strip(), read.get("title").asText(), "the title is the one sent, trimmed");
                assertEquals(description, read.get("description").asText(), "the description is the one sent");
            }
            HttpResponse<String> search = caller.send("GET", caller.tasks() + "?q=" + percentEncoded(title), null);
            assertTrue(search.statusCode() == 200 || search.statusCode() == 422, search::body);
        }
        assertTrue(stored > 5, "some random texts are valid and were stored: " + stored);
    }

    private static final String[] PIECES = {"a", "Z", " ", "é", "e\u0301", "😀", "👩‍👧", "\u0000", "\ud800", "\udc00",
            "\u0007", "\u001b", "\t", "\n", "\u202e", "中", "%", "_", "\\", "\"", "'", "\u0085", "\ufffd"};

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder("t");
        int pieces = 1 + random.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            // Mostly harmless pieces, so that both outcomes occur often.
            String piece = PIECES[random.nextInt(random.nextInt(4) == 0 ? PIECES.length : 7)];
            text.append(piece);
        }
        return text.toString();
    }

    /** Every non-ASCII UTF-16 unit escaped as JSON's {@code \\uXXXX}, so lone surrogates get through intact. */
    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                json.append(c);
            } else {
                json.append(String.format("\\u%04x", (int) c));
            }
        }
        return json.append('"').toString();
    }

    /** Each UTF-16 unit percent-encoded as its three-byte (CESU-8) form when it is a lone surrogate. */
    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        List<Byte> bytes = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            byte[] encoded;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                encoded = new byte[] {(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
            } else {
                encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : encoded) {
                bytes.add(b);
            }
        }
        for (byte b : bytes) {
            out.append(String.format("%%%02X", b & 0xFF));
        }
        return out.toString();
    }

    private static void assertInvalid(HttpResponse<String> response, String field) throws Exception {
        assertEquals(422, response.statusCode(), response::body);
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertEquals(field, errors.get(0).get("field").asText(), response::body);
    }
}
