package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser pages at {@code /} and {@code /docs} on the real server. They are not API operations, so
 * the OpenAPI document does not list them and every exchange here is outside the contract; their real
 * behaviour in a browser is {@code BrowserTest}'s (bootstrap).
 */
class WebPageRoutesTest {

    private static final Pattern LINKED = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Pages are not in the document: every exchange here is outside the contract on purpose. */
    private static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = server.request(path, null).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return server.sendOutsideTheContract(request.build());
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void bothPagesArePublicHtmlUnderAStrictPolicy() {
        for (String path : List.of("/", "/docs", "/docs/")) {
            HttpResponse<String> page = get(path);
            assertEquals(200, page.statusCode(), path);
            assertEquals("text/html; charset=utf-8", header(page, "Content-Type"), path);
            assertEquals(WebPageRoutes.CONTENT_SECURITY_POLICY, header(page, "Content-Security-Policy"), path);
            assertTrue(WebPageRoutes.CONTENT_SECURITY_POLICY.contains("script-src 'self';")
                    && !WebPageRoutes.CONTENT_SECURITY_POLICY.contains("unsafe"), WebPageRoutes.CONTENT_SECURITY_POLICY);
            assertEquals("nosniff", header(page, "X-Content-Type-Options"), path);
            assertFalse(header(page, "X-Request-Id").isEmpty(), "every response has a request id");
            assertTrue(page.body().contains("<meta name=\"viewport\""), path);
            assertFalse(page.body().contains("<script>") || page.body().contains(" style="), "nothing inline: " + path);
        }
        assertTrue(get("/").body().contains("href=\"/docs\""), "the app links the explorer");
    }

    @Test
    void everyFileAPageLinksIsServedFromHereWithItsType() {
        for (String page : List.of("/", "/docs")) {
            Matcher linked = LINKED.matcher(get(page).body());
            int count = 0;
            while (linked.find()) {
                String target = linked.group(1);
                if (target.equals("/") || target.equals("/docs") || target.startsWith("/openapi")) {
                    continue;
                }
                assertTrue(target.startsWith("/") && !target.startsWith("//"), "no CDN, no other site: " + target);
                HttpResponse<String> file = get(target);
                assertEquals(200, file.statusCode(), target);
                String type = header(file, "Content-Type");
                String expected = target.endsWith(".js") ? "text/javascript; charset=utf-8"
                        : target.endsWith(".css") ? "text/css; charset=utf-8" : "image/png";
                assertEquals(expected, type, target);
                assertEquals("nosniff", header(file, "X-Content-Type-Options"), target);
                count++;
            }
            assertTrue(count >= 2, page + " links its script and style");
        }
        assertTrue(get("/docs/init.js").body().contains("url: '/openapi.json'"), "Swagger UI loads the service's own document");
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        HttpResponse<String> get = get("/app.js");
        HttpResponse<String> head = server.sendOutsideTheContract(server.request("/app.js", null)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(String.valueOf(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                header(head, "Content-Length"));
        assertEquals(header(get, "ETag"), header(head, "ETag"));
        assertEquals(header(get, "Content-Type"), header(head, "Content-Type"));
    }

    @Test
    void anUnchangedFileIsNotSentAgain() {
        HttpResponse<String> first = get("/docs/swagger-ui.css");
        String etag = header(first, "ETag");
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
        assertEquals("no-cache", header(first, "Cache-Control"));

        HttpResponse<String> again = get("/docs/swagger-ui.css", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, header(again, "ETag"));
        assertEquals(200, get("/docs/swagger-ui.css", "If-None-Match", "\"other\"").statusCode());
    }

    @Test
    void onlyTheListedFilesAreServed() {
        for (String path : List.of("/docs/index.html", "/docs/swagger-initializer.js", "/docs/../web/app.js",
                "/web/app.js", "/index.html", "/docs/oauth2-redirect.html")) {
            HttpResponse<String> response = get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(header(response, "Content-Type").startsWith("application/problem+json"), path);
        }
    }

    @Test
    void pagesAreNotApiOperationsAndApiResponsesKeepTheirHeaders() {
        assertTrue(server.routes().stream().noneMatch(route -> route.endsWith(" /") || route.contains(" /docs")
                || route.contains("/app.")), () -> "pages stay out of the route catalog: " + server.routes());
        HttpResponse<String> api = server.send(server.request("/health/live", null).GET().build());
        assertEquals(Optional.empty(), api.headers().firstValue("Content-Security-Policy"));
    }
}
