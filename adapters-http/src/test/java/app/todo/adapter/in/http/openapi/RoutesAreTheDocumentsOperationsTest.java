package app.todo.adapter.in.http.openapi;

import app.todo.adapter.in.http.TodoHttpServer;
import app.todo.adapter.in.http.testing.OpenApiContract;
import app.todo.adapter.in.http.testing.TestAccounts;
import app.todo.adapter.in.http.testing.TestServer;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.application.memory.InMemoryStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's routes and the document's operations are the same set: a route added without being
 * documented, or an operation documented but not served, fails here. The server's side is what the
 * running server registered ({@link TestServer#routes()}, recorded as each route group registers),
 * checked on the live server for the operations it must not serve yet.
 */
class RoutesAreTheDocumentsOperationsTest {

    /**
     * Documented operations that this branch does not serve yet; each is being built elsewhere.
     * Whoever lands one MUST delete it from this set: the test fails while a served operation is
     * still listed here.
     */
    private static final Set<String> DOCUMENTED_NOT_YET_SERVED = Set.of();

    private static final String ANY = "ANY ";

    private static TestServer server;
    private static final String USER = "routes-" + UUID.randomUUID();
    private static final String TOKEN = TestTokens.valid(USER);

    @BeforeAll
    static void start() {
        // Every optional route group switched on, as bootstrap switches them on.
        InMemoryStore store = new InMemoryStore();
        Consumer<TodoHttpServer.Builder> accounts = TestAccounts.routes(store, Clock.systemUTC());
        server = TestServer.start(store, builder -> {
            accounts.accept(builder);
            builder.metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Set<String> servedOperations() {
        return server.routes().stream().filter(route -> !route.startsWith(ANY)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsServed() {
        Set<String> expected = new TreeSet<>(OpenApiContract.operations());
        expected.removeAll(DOCUMENTED_NOT_YET_SERVED);
        Set<String> served = servedOperations();

        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(expected);
        Set<String> unserved = new TreeSet<>(expected);
        unserved.removeAll(served);
        assertEquals(Set.of(), undocumented, "routes the server registers but the OpenAPI document does not list"
                + " (document them; an operation still in DOCUMENTED_NOT_YET_SERVED must leave it once served)");
        assertEquals(Set.of(), unserved, "operations the OpenAPI document lists but the server does not register");
    }

    @Test
    void bothSetsAreRealAndNonEmpty() {
        Set<String> documented = new TreeSet<>(OpenApiContract.operations());
        Set<String> served = servedOperations();

        assertTrue(documented.size() >= 15, () -> "the document lists too few operations to be the real one: " + documented);
        assertTrue(served.size() >= 15, () -> "the server registered too few routes to be the real set: " + served);
        for (String operation : List.of("POST /api/auth/sign-up", "POST /api/auth/sign-in", "GET /api/auth/jwks",
                "GET /api/{user_id}/tasks", "PATCH /api/{user_id}/tasks/{id}/complete", "GET /api/admin/users",
                "GET /metrics", "GET /openapi")) {
            assertTrue(documented.contains(operation), () -> "documented: " + operation + " in " + documented);
            assertTrue(served.contains(operation), () -> "served: " + operation + " in " + served);
        }
    }

    @Test
    void everyDocumentedOperationAnswersOnTheLiveServerUnlikeAPathWithNoRoute() {
        // Outside the contract on purpose: probes carry no body and may be refused; what matters is that
        // a route answered, not the 404 of a path nobody serves.
        HttpResponse<String> nowhere = probe("GET", "/api/no-such-route-" + UUID.randomUUID());
        assertEquals(404, nowhere.statusCode(), nowhere::body);
        Set<String> operations = new TreeSet<>(OpenApiContract.operations());
        operations.removeAll(DOCUMENTED_NOT_YET_SERVED);
        assertTrue(operations.size() >= 15, () -> "the real set of documented operations: " + operations);
        List<String> unserved = new ArrayList<>();
        for (String operation : operations) {
            String[] parts = operation.split(" ", 2);
            // A live stream answers 200 and never ends: asked with a cursor it never gave, it answers 422 at once.
            String path = concrete(parts[1]) + (parts[1].endsWith("/events") ? "?since=not-a-cursor" : "");
            HttpResponse<String> response = probe(parts[0], path);
            if (response.statusCode() == 404 && detail(response).equals(detail(nowhere))) {
                unserved.add(operation + " answered like a path with no route: " + response.body());
            }
        }

        assertEquals(List.of(), unserved, "documented operations the live server does not serve");
    }

    @Test
    void everyCatchAllGuardsAServedPathAndEveryRouteNamesItsMethodAndPath() {
        Set<String> servedPaths = servedOperations().stream().map(op -> op.split(" ", 2)[1]).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String route : server.routes()) {
            if (route.startsWith("UNKNOWN ")) {
                problems.add(route + ": registered without a method and path template, so it cannot be compared");
            }
            if (route.startsWith(ANY) && !servedPaths.contains(route.substring(ANY.length()))) {
                problems.add(route + ": a catch-all on a path with no documented method");
            }
        }

        assertEquals(List.of(), problems);
        assertTrue(server.routes().contains("ANY /api/{user_id}/tasks"), () -> "405 fallbacks are listed: " + server.routes());
    }

    private static HttpResponse<String> probe(String method, String path) {
        return server.sendOutsideTheContract(server.request(path, TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String detail(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body()).path("detail").asText();
        } catch (JsonProcessingException e) {
            return "not a problem: " + response.body();
        }
    }

    /** A request path for a template: the caller's own user id, and 1 for any other variable. */
    private static String concrete(String template) {
        return template.replace("{user_id}", USER).replaceAll("\\{[^}]+}", "1");
    }
}
