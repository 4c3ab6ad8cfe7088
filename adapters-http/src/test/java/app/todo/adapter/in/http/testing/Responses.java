package app.todo.adapter.in.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and checking HTTP answers in tests: JSON bodies, headers, and the problem+json every error has. */
public final class Responses {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Asserts the status and the problem+json shape every error has; returns the body. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(header(response, "Content-Type").startsWith("application/problem+json"),
                () -> "content type " + header(response, "Content-Type"));
        JsonNode body = json(response);
        for (String member : List.of("type", "title", "status", "detail", "instance")) {
            assertTrue(body.hasNonNull(member), () -> "missing " + member + " in " + response.body());
        }
        assertEquals(status, body.get("status").asInt());
        assertTrue(body.get("detail").asText().length() > 10, "detail is a sentence");
        assertEquals(response.uri().getRawPath(), body.get("instance").asText());
        assertTrue(header(response, "X-Request-Id") != null, "X-Request-Id on errors too");
        return body;
    }

    /** Asserts a 422 whose errors name exactly these fields (in any order). */
    public static void assertInvalid(HttpResponse<String> response, String... fields) {
        JsonNode errors = assertProblem(response, 422).get("errors");
        List<String> named = new ArrayList<>();
        errors.forEach(e -> {
            named.add(e.get("field").asText());
            assertTrue(e.get("message").asText().length() > 3, "each error says what is wrong");
        });
        assertEquals(List.of(fields).stream().sorted().toList(), named.stream().sorted().toList(), response.body());
    }
}
