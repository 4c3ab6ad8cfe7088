package app.todo.adapter.in.http;

import app.todo.adapter.in.http.problem.Problem;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One path and its methods. Helidon answers 404 when a path exists but the method does not; closing an
 * endpoint with {@link #otherwiseNotAllowed()} answers 405 with an {@code Allow} header built from the
 * very methods registered, so the two can never disagree.
 */
public final class Endpoint {

    private final HttpRules rules;
    private final String path;
    private final Set<Method> methods = new LinkedHashSet<>();

    private Endpoint(HttpRules rules, String path) {
        this.rules = rules;
        this.path = path;
    }

    public static Endpoint at(HttpRules rules, String path) {
        return new Endpoint(rules, path);
    }

    /**
     * Routes {@code method} here to {@code handler}. A {@code GET} answers {@code HEAD} too, with the same status and
     * headers and no body (RFC 9110 §9.3.2, through {@link HeadResponse}): Helidon 4 routes {@code HEAD} only where
     * it is registered.
     */
    public Endpoint on(Method method, Handler handler) {
        rules.route(method, path, handler);
        methods.add(method);
        if (method == Method.GET) {
            rules.route(Method.HEAD, path, (req, res) -> handler.handle(req, HeadResponse.of(res)));
        }
        return this;
    }

    /** Every other method is 405; {@code HEAD} is allowed wherever {@code GET} is. */
    public void otherwiseNotAllowed() {
        Set<Method> allowed = new LinkedHashSet<>();
        for (Method method : methods) {
            allowed.add(method);
            if (method == Method.GET) {
                allowed.add(Method.HEAD);
            }
        }
        String allow = allowed.stream().map(Method::text).collect(Collectors.joining(", "));
        Problem notAllowed = Problem.of(Status.METHOD_NOT_ALLOWED_405,
                        "This path only accepts " + allow + ".")
                .withHeader("Allow", allow);
        rules.any(path, (req, res) -> {
            throw notAllowed.raise();
        });
    }
}
