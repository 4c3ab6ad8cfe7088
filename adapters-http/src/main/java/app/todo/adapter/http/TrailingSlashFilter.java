package app.todo.adapter.http;

import io.helidon.common.uri.UriPath;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Serves {@code /api/{user_id}/tasks/} exactly like {@code /api/{user_id}/tasks} (contract §6), since
 * FastAPI-era frontends and some proxies add the slash. The request is served in place rather than
 * redirected: a {@code 308} would cost a round trip, and a browser drops {@code Authorization} when a
 * redirect crosses origins. Runs before every other filter, so authentication, CORS, routing and the
 * access log all see the one canonical path; no route has a meaning that depends on the slash.
 */
final class TrailingSlashFilter implements Filter {

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        HttpPrologue prologue = req.prologue();
        String raw = prologue.uriPath().rawPath();
        if (raw.length() > 1 && raw.endsWith("/")) {
            int end = raw.length();
            while (end > 1 && raw.charAt(end - 1) == '/') {
                end--;
            }
            req.prologue(HttpPrologue.create(prologue.rawProtocol(), prologue.protocol(), prologue.protocolVersion(),
                    prologue.method(), UriPath.create(raw.substring(0, end)), prologue.query(), prologue.fragment()));
        }
        chain.proceed();
    }
}
