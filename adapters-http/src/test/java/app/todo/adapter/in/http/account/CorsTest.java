package app.todo.adapter.in.http.account;

import app.todo.adapter.in.http.CorsFilter;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static app.todo.adapter.in.http.testing.Responses.assertProblem;
import static app.todo.adapter.in.http.testing.Responses.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorsTest extends AccountApiSupport {

    @Test
    void a_preflight_from_the_frontend_is_granted_with_credentials() {
        HttpResponse<String> response = preflight(FRONTEND, "PATCH", "authorization, content-type, if-match");

        assertEquals(204, response.statusCode(), response::body);
        assertEquals(FRONTEND, header(response, "Access-Control-Allow-Origin"));
        assertEquals("true", header(response, "Access-Control-Allow-Credentials"));
        assertTrue(header(response, "Access-Control-Allow-Methods").contains("PATCH"));
        assertEquals(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key",
                        "Last-Event-ID", "MCP-Protocol-Version"),
                List.of(header(response, "Access-Control-Allow-Headers").split(", ")));
        assertTrue(header(response, "Vary").contains("Origin"));
    }

    @Test
    void a_preflight_from_another_origin_gets_no_grant() {
        HttpResponse<String> response = preflight("https://evil.example", "DELETE", "authorization");

        assertProblem(response, 403);
        assertNull(header(response, "Access-Control-Allow-Origin"));
        assertNull(header(response, "Access-Control-Allow-Credentials"));
    }

    @Test
    void answers_to_the_frontend_expose_the_paging_and_version_headers_even_when_they_are_errors() {
        HttpResponse<String> ok = get("/api/auth/jwks", FRONTEND);
        HttpResponse<String> unauthorized = get("/api/auth/me", FRONTEND);

        assertEquals(FRONTEND, header(ok, "Access-Control-Allow-Origin"));
        assertEquals(List.of("ETag", "Location", "X-Total-Count", "Link", "Retry-After", "Idempotent-Replayed",
                "X-Request-Id", "WWW-Authenticate"), List.of(header(ok, "Access-Control-Expose-Headers").split(", ")));
        assertProblem(unauthorized, 401);
        assertEquals(FRONTEND, header(unauthorized, "Access-Control-Allow-Origin"));
    }

    @Test
    void answers_to_other_origins_and_to_non_browsers_carry_no_grant() {
        assertNull(header(get("/api/auth/jwks", "https://evil.example"), "Access-Control-Allow-Origin"));
        HttpResponse<String> noOrigin = server.get("/api/auth/jwks", null);
        assertNull(header(noOrigin, "Access-Control-Allow-Origin"));
        assertEquals("Origin", header(noOrigin, "Vary"), "a cache must not hand this answer to a browser's request");
    }

    @Test
    void a_wildcard_origin_is_refused_at_start() {
        assertThrows(IllegalArgumentException.class, () -> new CorsFilter(List.of("*")));
        assertThrows(IllegalArgumentException.class, () -> new CorsFilter(List.of()));
    }

    /** Outside the contract on purpose: the OpenAPI document describes no OPTIONS operation, CORS is transport. */
    private static HttpResponse<String> preflight(String origin, String method, String headers) {
        return server.sendOutsideTheContract(server.request("/api/someone/tasks/1", null)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private static HttpResponse<String> get(String path, String origin) {
        return server.send(server.request(path, null).header("Origin", origin).GET().build());
    }
}
