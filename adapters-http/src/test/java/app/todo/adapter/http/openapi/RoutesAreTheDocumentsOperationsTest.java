package app.todo.adapter.http.openapi;

import app.todo.adapter.http.testing.OpenApiContract;
import app.todo.adapter.http.testing.TestServer;
import app.todo.adapter.http.testing.TestTokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
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
    private static final Set<String> DOCUMENTED_NOT_YET_SERVED = Set.of(
            // accounts (AccountRoutes)
            "POST /api/auth/sign-up", "POST /api/auth/sign-in", "GET /api/auth/me", "GET /api/auth/jwks",
            // administration (AdminRoutes)
            "GET /api/admin/users", "PATCH /api/admin/users/{id}");

    private static final String ANY = "ANY ";

    private static TestServer server;
    private static final String USER = "routes-" + UUID.randomUUID();
    private static final String TOKEN = TestTokens.valid(USER);

    @BeforeAll
    static void start() {
        // Every optional route group switched on, as bootstrap switches them on.
        server = TestServer.start(UnaryOperator.identity(), () -> true, TestTokens.verifier(),
                builder -> builder.metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
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
    void theNotYetServedOperationsAreDocumentedOnes() {
        Set<String> strays = new TreeSet<>(DOCUMENTED_NOT_YET_SERVED);
        strays.removeAll(OpenApiContract.operations());

        assertEquals(Set.of(), strays, "DOCUMENTED_NOT_YET_SERVED names operations the document does not have");
    }

    @Test
    void theNotYetServedOperationsAnswerLikeAPathWithNoRoute() {
        // Outside the contract on purpose: the document describes these operations as they will be,
        // not the 404 the server gives while nobody serves them.
        HttpResponse<String> nowhere = probe("GET", "/api/no-such-route-" + UUID.randomUUID());
        assertEquals(404, nowhere.statusCode(), nowhere::body);
        List<String> served = new ArrayList<>();
        for (String operation : new TreeSet<>(DOCUMENTED_NOT_YET_SERVED)) {
            String[] parts = operation.split(" ", 2);
            HttpResponse<String> response = probe(parts[0], concrete(parts[1]));
            if (response.statusCode() != 404 || !detail(response).equals(detail(nowhere))) {
                served.add(operation + " answered " + response.statusCode() + " " + response.body());
            }
        }

        assertEquals(List.of(), served, "served, so remove them from DOCUMENTED_NOT_YET_SERVED");
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
