package app.todo.adapter.http;

import app.todo.adapter.http.problem.RequestId;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.concurrent.TimeUnit;

/**
 * Runs first: gives every request its id (the client's when acceptable) and writes one access-log line
 * once the response is sent, whoever sent it — a route, an error handler or a filter. The line names
 * the route template, not the path, and no header, so neither user ids in paths nor tokens reach it.
 */
final class RequestLogFilter implements Filter {

    /** Its own logger name, so operators can turn access logging up or down on its own. */
    static final System.Logger ACCESS_LOG = System.getLogger("app.todo.access");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long started = System.nanoTime();
        RequestId id = RequestId.fromClient(req.headers().first(RequestId.HEADER).orElse(null));
        req.context().register(id);
        res.header(RequestId.HEADER, id.value());
        if (ACCESS_LOG.isLoggable(System.Logger.Level.INFO)) {
            res.whenSent(() -> ACCESS_LOG.log(System.Logger.Level.INFO, "{0} {1} {2} {3} {4}ms",
                    id.value(), req.prologue().method().text(), req.matchingPattern().orElse("<no route>"),
                    String.valueOf(res.status().code()),
                    String.valueOf(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))));
        }
        chain.proceed();
    }
}
