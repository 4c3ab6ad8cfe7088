package app.todo.adapter.in.http.openapi;

import app.todo.adapter.in.http.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiContractTest {

    private static final String JSON = "application/json; charset=utf-8";
    private static final String PROBLEM = "application/problem+json";
    private static final String TASK = """
            {"id": 42, "user_id": "abc", "title": "Buy milk", "description": "2 litres", "completed": false,
             "priority": "medium", "due_date": "2026-12-01", "tags": ["home", "errands"],
             "created_at": "2026-11-23T17:35:01Z", "updated_at": "2026-11-23T17:35:01Z",
             "completed_at": null, "version": 1}""";
    private static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "There is no task 42.", "instance": "/api/abc/tasks/42"}""";

    private static CannedResponse task() {
        return CannedResponse.of("GET", "/api/abc/tasks/42", 200, JSON, TASK, "ETag", "\"1\"");
    }

    private static AssertionError rejects(CannedResponse response) {
        return assertThrows(AssertionError.class, () -> OpenApiContract.check(response));
    }

    @Test
    void aValidTaskPasses() {
        assertDoesNotThrow(() -> OpenApiContract.check(task()));
    }

    @Test
    void theMethodAndPathCanBeGivenApartFromTheResponse() {
        assertDoesNotThrow(() -> OpenApiContract.check("get", "/api/abc/tasks/42?x=1", task()));
        AssertionError error = assertThrows(AssertionError.class,
                () -> OpenApiContract.check("DELETE", "/api/abc/tasks/42", task()));
        assertTrue(error.getMessage().contains("DELETE /api/{user_id}/tasks/{id}"), error.getMessage());
    }

    @Test
    void anUndocumentedFieldFails() {
        AssertionError error = rejects(task().withBody(TASK.replace("\"version\": 1", "\"version\": 1, \"owner\": \"x\"")));
        assertTrue(error.getMessage().contains("owner"), error.getMessage());
    }

    @Test
    void aMissingFieldFails() {
        AssertionError error = rejects(task().withBody(TASK.replace("\"completed_at\": null, ", "")));
        assertTrue(error.getMessage().contains("completed_at"), error.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        AssertionError error = rejects(task().withBody(TASK.replace("\"id\": 42", "\"id\": \"42\"")));
        assertTrue(error.getMessage().contains("/id: string found, integer expected"), error.getMessage());
    }

    @Test
    void aMalformedDateTimeFails() {
        AssertionError error = rejects(task().withBody(TASK.replace("\"created_at\": \"2026-11-23T17:35:01Z\"",
                "\"created_at\": \"yesterday\"")));
        assertTrue(error.getMessage().contains("created_at"), error.getMessage());
    }

    @Test
    void aValueOutsideAnEnumFails() {
        rejects(task().withBody(TASK.replace("\"medium\"", "\"urgent\"")));
    }

    @Test
    void aBodyThatIsNotJsonFails() {
        AssertionError error = rejects(task().withBody("<html>oops</html>"));
        assertTrue(error.getMessage().contains("not JSON"), error.getMessage());
    }

    @Test
    void anUnlistedStatusFails() {
        AssertionError error = rejects(task().withStatus(418));
        assertTrue(error.getMessage().contains("status 418 is not listed"), error.getMessage());
    }

    @Test
    void aMissingETagFails() {
        AssertionError error = rejects(task().without("ETag"));
        assertTrue(error.getMessage().contains("required header ETag is missing"), error.getMessage());
    }

    @Test
    void anUnquotedETagFails() {
        AssertionError error = rejects(task().with("ETag", "1"));
        assertTrue(error.getMessage().contains("header ETag"), error.getMessage());
    }

    @Test
    void aMissingRequestIdFails() {
        AssertionError error = rejects(task().without("X-Request-Id"));
        assertTrue(error.getMessage().contains("X-Request-Id"), error.getMessage());
    }

    @Test
    void headerNamesAreComparedIgnoringCase() {
        assertDoesNotThrow(() -> OpenApiContract.check(task().without("ETag").with("etag", "\"7\"")));
    }

    @Test
    void aWrongContentTypeFails() {
        AssertionError error = rejects(task().with("Content-Type", "text/html"));
        assertTrue(error.getMessage().contains("text/html"), error.getMessage());
        rejects(task().without("Content-Type"));
    }

    @Test
    void mediaTypeParametersAreIgnored() {
        assertDoesNotThrow(() -> OpenApiContract.check(task().with("Content-Type", "Application/JSON;charset=UTF-8")));
    }

    @Test
    void aProblemPassesAndAnIncompleteProblemFails() {
        CannedResponse notFound = CannedResponse.of("GET", "/api/abc/tasks/42", 404, PROBLEM, NOT_FOUND);
        assertDoesNotThrow(() -> OpenApiContract.check(notFound));
        AssertionError error = rejects(notFound.withBody(NOT_FOUND.replace("\"instance\": \"/api/abc/tasks/42\"", "\"x\": 1")));
        assertTrue(error.getMessage().contains("instance"), error.getMessage());
        rejects(notFound.with("Content-Type", JSON));
    }

    @Test
    void aListNeedsItsTotalCount() {
        CannedResponse list = CannedResponse.of("GET", "/api/abc/tasks?status=pending&limit=10", 200, JSON,
                "[" + TASK + "]", "X-Total-Count", "11", "Link", "</api/abc/tasks?status=pending&limit=10&offset=10>; rel=\"next\"",
                "ETag", "\"Zm9vYmFy\"");
        assertDoesNotThrow(() -> OpenApiContract.check(list));
        rejects(list.without("X-Total-Count"));
        rejects(list.without("ETag"));
        rejects(list.with("X-Total-Count", "many"));
        rejects(list.withBody("[{}]"));
        assertDoesNotThrow(() -> OpenApiContract.check(list.without("Link")));
    }

    @Test
    void aNoContentResponseMustHaveNoBody() {
        CannedResponse deleted = CannedResponse.of("DELETE", "/api/abc/tasks/42", 204, null, "");
        assertDoesNotThrow(() -> OpenApiContract.check(deleted));
        rejects(deleted.withBody("{}"));
    }

    @Test
    void unauthorizedNeedsWwwAuthenticate() {
        String problem = NOT_FOUND.replace("404", "401").replace("Not Found", "Unauthorized");
        CannedResponse unauthorized = CannedResponse.of("GET", "/api/abc/tasks", 401, PROBLEM, problem,
                "WWW-Authenticate", "Bearer realm=\"todo\"");
        assertDoesNotThrow(() -> OpenApiContract.check(unauthorized));
        rejects(unauthorized.without("WWW-Authenticate"));
    }

    @Test
    void anUndocumentedMethodMustBeMethodNotAllowedWithAllow() {
        String problem = NOT_FOUND.replace("404", "405").replace("Not Found", "Method Not Allowed");
        CannedResponse notAllowed = CannedResponse.of("POST", "/api/abc/tasks/42", 405, PROBLEM, problem,
                "Allow", "GET, PUT, DELETE");
        assertDoesNotThrow(() -> OpenApiContract.check(notAllowed));
        rejects(notAllowed.without("Allow"));
        rejects(notAllowed.withStatus(200));
    }

    @Test
    void anUndocumentedPathMustBeNotFound() {
        CannedResponse unknown = CannedResponse.of("GET", "/api/abc/projects", 404, PROBLEM, NOT_FOUND);
        assertDoesNotThrow(() -> OpenApiContract.check(unknown));
        AssertionError error = rejects(unknown.withStatus(200));
        assertTrue(error.getMessage().contains("does not list"), error.getMessage());
    }

    @Test
    void underApiAnUndocumentedPathOrMethodMayBeRefusedAuthenticationFirst() {
        String problem = NOT_FOUND.replace("404", "401").replace("Not Found", "Unauthorized");
        CannedResponse unknownPath = CannedResponse.of("GET", "/api/abc/projects", 401, PROBLEM, problem,
                "WWW-Authenticate", "Bearer realm=\"todo\"");
        CannedResponse unknownMethod = CannedResponse.of("POST", "/api/abc/tasks/42", 401, PROBLEM, problem,
                "WWW-Authenticate", "Bearer realm=\"todo\"");
        assertDoesNotThrow(() -> OpenApiContract.check(unknownPath));
        assertDoesNotThrow(() -> OpenApiContract.check(unknownMethod));
        assertDoesNotThrow(() -> OpenApiContract.check(unknownPath.withStatus(403).without("WWW-Authenticate")
                .withBody(NOT_FOUND.replace("404", "403").replace("Not Found", "Forbidden"))));
        rejects(unknownPath.without("WWW-Authenticate"));
        rejects(unknownPath.withStatus(500));
        AssertionError outsideApi = rejects(CannedResponse.of("GET", "/nowhere", 401, PROBLEM, problem,
                "WWW-Authenticate", "Bearer realm=\"todo\""));
        assertTrue(outsideApi.getMessage().contains("demands 404"), outsideApi.getMessage());
    }

    @Test
    void aHeadAnswerIsCheckedAsTheGetsWithoutItsBodyWhichMustBeEmpty() {
        CannedResponse head = CannedResponse.of("HEAD", "/health/live", 200, "application/json", "");
        assertDoesNotThrow(() -> OpenApiContract.check(head));
        rejects(head.withStatus(405));
        AssertionError withBody = rejects(head.withBody(NOT_FOUND));
        assertTrue(withBody.getMessage().contains("HEAD has a body"), withBody.getMessage());
    }

    @Test
    void nonJsonMediaTypesAreCheckedByTypeOnly() {
        CannedResponse metrics = CannedResponse.of("GET", "/metrics", 200, "text/plain; version=0.0.4; charset=utf-8",
                "# HELP up 1\nup 1\n");
        assertDoesNotThrow(() -> OpenApiContract.check(metrics));
        rejects(metrics.with("Content-Type", JSON));
    }

    @Test
    void theOperationsAreTheContractsRoutes() {
        assertEquals(Set.of(
                "GET /api/{user_id}/tasks", "POST /api/{user_id}/tasks", "GET /api/{user_id}/tasks/changes",
                "GET /api/{user_id}/events",
                "GET /api/{user_id}/tasks/{id}", "PUT /api/{user_id}/tasks/{id}", "DELETE /api/{user_id}/tasks/{id}",
                "PATCH /api/{user_id}/tasks/{id}/complete",
                "POST /api/auth/sign-up", "POST /api/auth/sign-in", "POST /api/auth/claim-admin", "GET /api/auth/me",
                "POST /api/auth/signup", "POST /api/auth/register", "POST /api/auth/signin", "POST /api/auth/login",
                "POST /api/auth/logout", "POST /mcp", "GET /.well-known/oauth-protected-resource",
                "GET /.well-known/oauth-protected-resource/mcp",
                "GET /api/auth/jwks", "POST /api/auth/refresh", "POST /api/auth/sign-out", "GET /api/auth/sessions",
                "DELETE /api/auth/sessions/{id}", "POST /api/auth/change-password",
                "GET /api/admin/users", "PATCH /api/admin/users/{id}",
                "GET /health/live", "GET /health/ready", "GET /metrics", "GET /openapi", "GET /openapi.json"),
                OpenApiContract.operations());
    }
}
