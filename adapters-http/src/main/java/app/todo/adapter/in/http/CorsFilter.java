package app.todo.adapter.in.http;

import app.todo.adapter.in.http.problem.Problem;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access for browser frontends (docs/rules.md §6). Only the configured origins get a grant,
 * always with credentials allowed, so the grant names the origin itself, never {@code *}. A preflight
 * from an allowed origin is answered here with 204, before authentication (browsers send it without a
 * token); one from any other origin gets 403 and no CORS header at all. Requests without an
 * {@code Origin} header are not cross-origin and pass with nothing but {@code Vary: Origin}.
 */
public final class CorsFilter implements Filter {

    public static final String DEFAULT_ORIGIN = "http://localhost:3000";

    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    /**
     * The contract's three; If-None-Match so that a browser can poll with conditional GETs; Idempotency-Key to
     * retry a create, Last-Event-ID to resume a stream read with fetch, MCP-Protocol-Version for a browser's MCP
     * client: without them in the grant, a browser refuses to send the request at all.
     */
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, "
            + "Last-Event-ID, MCP-Protocol-Version";
    /** Beyond the safelisted ones, what a browser script may read: paging, versions, retries, the log's id. */
    static final String EXPOSED_HEADERS = "ETag, Location, X-Total-Count, Link, Retry-After, Idempotent-Replayed, "
            + "X-Request-Id, WWW-Authenticate";
    /** How long a browser may reuse a preflight answer. */
    private static final String MAX_AGE_SECONDS = "600";
    private static final String VARY_PREFLIGHT = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    private final Set<String> allowedOrigins;

    /**
     * @param allowedOrigins exact origins such as {@code https://app.example.com}; a trailing slash and
     *                       letter case do not matter. {@code *} is refused: with credentials allowed
     *                       it would hand every site the user's session.
     */
    public CorsFilter(Collection<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(CorsFilter::normalized).collect(Collectors.toUnmodifiableSet());
        if (this.allowedOrigins.isEmpty() || this.allowedOrigins.stream().anyMatch(o -> o.isEmpty() || o.equals("*"))) {
            throw new IllegalArgumentException("CORS_ORIGINS must list exact origins such as " + DEFAULT_ORIGIN
                    + " (not * and not empty)");
        }
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        // Every answer may differ by Origin, so a shared cache (the JWK set is cacheable) must key on it.
        res.header(HeaderNames.VARY, "Origin");
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (origin.isEmpty()) {
            chain.proceed();
            return;
        }
        boolean allowed = allowedOrigins.contains(normalized(origin.get()));
        if (isPreflight(req)) {
            res.header(HeaderNames.VARY, VARY_PREFLIGHT);
            if (!allowed) {
                throw Problem.of(Status.FORBIDDEN_403, "This origin may not call the API from a browser.").raise();
            }
            grant(res, origin.get());
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
            res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
            res.status(Status.NO_CONTENT_204).send();
            return;
        }
        if (allowed) {
            grant(res, origin.get());
            res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        }
        chain.proceed();
    }

    private static boolean isPreflight(RoutingRequest req) {
        return req.prologue().method() == Method.OPTIONS
                && req.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    }

    private static void grant(RoutingResponse res, String origin) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    }

    /** An origin as compared: lower-case scheme and host, no trailing slash. */
    public static String normalized(String origin) {
        String stripped = origin.strip().toLowerCase(Locale.ROOT);
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
