package app.todo.adapter.in.http;

import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The routes the server registers, as {@code "METHOD /full/template"} ({@code "GET /api/{user_id}/tasks"}),
 * so that a test can compare them with the operations of the OpenAPI document. Route groups are
 * registered through {@link #recording}, which hands each group rules that note every route before
 * passing it on to Helidon unchanged.
 *
 * <p>A catch-all ({@code rules.any(path, …)}, e.g. {@link Endpoint#otherwiseNotAllowed()}) is listed
 * as {@code "ANY /path"}. A route registered in a way that names no method and path template (a
 * prebuilt {@link HttpRoute}, a {@code PathMatcher}) is listed as {@code "UNKNOWN …"}, so the
 * comparison fails instead of missing it.
 */
final class RouteCatalog {

    static final String ANY = "ANY";
    static final String UNKNOWN = "UNKNOWN";

    private final Set<String> routes = Collections.synchronizedSet(new LinkedHashSet<>());
    /** The templates split into segments, made again whenever a route was added since. */
    private volatile Templates templates = new Templates(0, List.of());
    /** Counts registrations without the set's lock: asked on every request, which must not contend. */
    private final java.util.concurrent.atomic.AtomicInteger registrations = new java.util.concurrent.atomic.AtomicInteger();

    private record Templates(int registrations, List<String[]> segments) {
    }

    /** What has been registered so far; complete once the server is built. */
    Set<String> routes() {
        synchronized (routes) {
            return Set.copyOf(routes);
        }
    }

    /**
     * Whether some registered route's template matches the decoded {@code path} ({@code /api/u1/tasks} matches
     * {@code /api/{user_id}/tasks}; a {@code {name}} segment matches one non-empty segment), whatever the method.
     */
    boolean matches(String path) {
        return templateOf(path).isPresent();
    }

    /** The template of the first registered route that matches the decoded {@code path}, whatever the method. */
    Optional<String> templateOf(String path) {
        Templates known = templates;
        int registered = registrations.get();
        if (known.registrations() != registered) {
            List<String[]> split = new ArrayList<>();
            for (String route : routes()) {
                split.add(route.substring(route.indexOf(' ') + 1).split("/", -1));
            }
            known = new Templates(registered, List.copyOf(split));
            templates = known;
        }
        String[] given = path.split("/", -1);
        for (String[] template : known.segments()) {
            if (segmentsMatch(template, given)) {
                return Optional.of(String.join("/", template));
            }
        }
        return Optional.empty();
    }

    private static boolean segmentsMatch(String[] template, String[] given) {
        if (template.length != given.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            String expected = template[i];
            boolean parameter = expected.startsWith("{") && expected.endsWith("}");
            if (parameter ? given[i].isEmpty() : !expected.equals(given[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code service}, registering its routes under {@code prefix} ("" at the root) into this catalog. */
    HttpService recording(String prefix, HttpService service) {
        return new RecordedRoutes(this, prefix, service);
    }

    private void add(String method, String prefix, String path) {
        routes.add(method + " " + join(prefix, path));
        registrations.incrementAndGet();
    }

    /** "/api" + "/{user_id}/tasks"; a group's root ("/" or "") is the prefix itself. */
    static String join(String prefix, String path) {
        String tail = path == null || path.equals("/") ? "" : path;
        String joined = prefix + (tail.isEmpty() || tail.startsWith("/") ? tail : "/" + tail);
        // Helidon allows "{id:\d+}"; the document only knows the name.
        return joined.isEmpty() ? "/" : joined.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
    }

    private record RecordedRoutes(RouteCatalog catalog, String prefix, HttpService service) implements HttpService {

        @Override
        public void routing(HttpRules rules) {
            service.routing(new RecordingRules(catalog, prefix, rules));
        }

        @Override
        public void beforeStart() {
            service.beforeStart();
        }

        @Override
        public void afterStart(WebServer webServer) {
            service.afterStart(webServer);
        }

        @Override
        public void afterStop() {
            service.afterStop();
        }
    }

    /**
     * Notes each route, then registers it with Helidon's own rules. The forms with a method and a path
     * are overridden; every other default form ends in {@link #route(HttpRoute)}, which cannot tell its
     * method and path and so is noted as unknown.
     */
    private record RecordingRules(RouteCatalog catalog, String prefix, HttpRules delegate) implements HttpRules {

        @Override
        public HttpRules register(HttpService... services) {
            delegate.register(Arrays.stream(services).map(s -> catalog.recording(prefix, s)).toArray(HttpService[]::new));
            return this;
        }

        @Override
        public HttpRules register(String path, HttpService... services) {
            String nested = join(prefix, path);
            delegate.register(path, Arrays.stream(services).map(s -> catalog.recording(nested, s)).toArray(HttpService[]::new));
            return this;
        }

        @Override
        public HttpRules route(HttpRoute route) {
            catalog.routes.add(UNKNOWN + " " + join(prefix, route.pathMatcher().map(Object::toString).orElse("?")));
            catalog.registrations.incrementAndGet();
            delegate.route(route);
            return this;
        }

        /** Every {@code HEAD} route is a {@code GET}'s twin ({@link Endpoint#on}): listed once, as the document does. */
        @Override
        public HttpRules route(Method method, String path, Handler handler) {
            if (method != Method.HEAD) {
                catalog.add(method.text(), prefix, path);
            }
            delegate.route(method, path, handler);
            return this;
        }

        private HttpRules on(Method method, String path, Handler... handlers) {
            for (Handler handler : handlers) {
                route(method, path, handler);
            }
            return this;
        }

        @Override
        public HttpRules get(String path, Handler... handlers) {
            return on(Method.GET, path, handlers);
        }

        @Override
        public HttpRules post(String path, Handler... handlers) {
            return on(Method.POST, path, handlers);
        }

        @Override
        public HttpRules put(String path, Handler... handlers) {
            return on(Method.PUT, path, handlers);
        }

        @Override
        public HttpRules delete(String path, Handler... handlers) {
            return on(Method.DELETE, path, handlers);
        }

        @Override
        public HttpRules patch(String path, Handler... handlers) {
            return on(Method.PATCH, path, handlers);
        }

        @Override
        public HttpRules head(String path, Handler... handlers) {
            return on(Method.HEAD, path, handlers);
        }

        @Override
        public HttpRules options(String path, Handler... handlers) {
            return on(Method.OPTIONS, path, handlers);
        }

        @Override
        public HttpRules trace(String path, Handler... handlers) {
            return on(Method.TRACE, path, handlers);
        }

        @Override
        public HttpRules any(String path, Handler... handlers) {
            catalog.add(ANY, prefix, path);
            delegate.any(path, handlers);
            return this;
        }
    }
}
