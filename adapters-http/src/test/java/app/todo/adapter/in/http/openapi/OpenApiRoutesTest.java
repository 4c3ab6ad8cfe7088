package app.todo.adapter.in.http.openapi;

import app.todo.adapter.in.http.OpenApiRoutes;
import app.todo.adapter.in.http.testing.OpenApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /openapi} on a real server: YAML as written, or JSON when the client prefers it; and
 * {@code GET /openapi.json}, JSON always.
 */
class OpenApiRoutesTest {

    private static WebServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = WebServer.builder()
                .port(0)
                .routing(routing -> routing
                        // Stands in for the server's request-id filter, which every response passes through.
                        .addFilter((chain, request, response) -> {
                            response.header("X-Request-Id", "test");
                            chain.proceed();
                        })
                        .register(new OpenApiRoutes()))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + OpenApiRoutes.PATH));
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        OpenApiContract.check(response);
        return response;
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void yamlByDefaultExactlyAsWritten() throws Exception {
        HttpResponse<String> response = get(null);
        assertEquals(200, response.statusCode());
        assertTrue(contentType(response).startsWith("application/yaml"), contentType(response));
        try (var in = OpenApiRoutes.class.getResourceAsStream(OpenApiRoutes.RESOURCE)) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), response.body());
        }
    }

    @Test
    void yamlForAnyMediaTypeAndForOnesItCannotServe() throws Exception {
        assertTrue(contentType(get("*/*")).startsWith("application/yaml"));
        assertTrue(contentType(get("text/html")).startsWith("application/yaml"));
        assertTrue(contentType(get("application/yaml, application/json;q=0.5")).startsWith("application/yaml"));
    }

    @Test
    void jsonWhenPreferredWithTheSameContent() throws Exception {
        HttpResponse<String> json = get("application/json");
        assertTrue(contentType(json).startsWith("application/json"), contentType(json));
        JsonNode document = new ObjectMapper().readTree(json.body());
        assertEquals(OpenApiContract.document(), document);
        assertEquals("3.1.0", document.path("openapi").asText());

        assertTrue(contentType(get("application/yaml;q=0.5, application/json")).startsWith("application/json"));
        assertTrue(contentType(get("text/html, application/json;q=0.9")).startsWith("application/json"));
    }

    @Test
    void openapiJsonIsAlwaysJsonWithTheSameContent() throws Exception {
        for (String accept : new String[] {null, "application/yaml", "text/html"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.port() + OpenApiRoutes.JSON_PATH));
            if (accept != null) {
                request.header("Accept", accept);
            }
            HttpResponse<String> json = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            OpenApiContract.check(json);
            assertEquals(200, json.statusCode());
            assertEquals("application/json; charset=UTF-8".toLowerCase(), contentType(json).toLowerCase(), String.valueOf(accept));
            assertEquals(OpenApiContract.document(), new ObjectMapper().readTree(json.body()));
        }
    }

    @Test
    void responsesVaryByAccept() throws Exception {
        assertEquals("Accept", get("application/json").headers().firstValue("Vary").orElse(""));
    }
}
