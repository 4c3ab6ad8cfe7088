package app.todo.adapter.in.http;

import app.todo.adapter.in.http.metrics.HttpRequestMetrics;
import app.todo.adapter.in.http.problem.ConnectionClose;
import app.todo.adapter.in.http.problem.ProblemMapper;
import app.todo.adapter.in.http.problem.RequestId;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs first: gives every request its id (the client's when acceptable) and writes one access-log line
 * once the response is sent, whoever sent it — a route, an error handler or a filter. The line names
 * the route template (also of a request answered before routing, such as a 401), not the path, and no
 * header, so neither user ids in paths nor tokens reach it; a {@code 404} that matched no route names its
 * raw path instead (bounded, visible ASCII only, no query).
 * The same moment feeds the request metrics, so the log and {@code /metrics} agree on route and status.
 */
final class RequestLogFilter implements Filter {

    /** Its own logger name, so operators can turn access logging up or down on its own. */
    static final System.Logger ACCESS_LOG = System.getLogger("app.todo.access");

    static final int MAX_LOGGED_PATH = 200;

    private final HttpRequestMetrics metrics;
    private final Function<String, Optional<String>> templateOf;

    /**
     * @param metrics    where each request's route, status and duration are counted; {@code null} for nowhere
     * @param templateOf the route template a canonical path matches, for requests answered before routing
     *                   (a missing token's 401, a preflight): they are named by the route they were for
     */
    RequestLogFilter(HttpRequestMetrics metrics, Function<String, Optional<String>> templateOf) {
        this.metrics = metrics;
        this.templateOf = templateOf;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long started = System.nanoTime();
        RequestId id = RequestId.fromClient(req.headers().first(RequestId.HEADER).orElse(null));
        req.context().register(id);
        res.header(RequestId.HEADER, id.value());
        boolean log = ACCESS_LOG.isLoggable(System.Logger.Level.INFO);
        if (log || metrics != null) {
            res.whenSent(() -> sent(req, res, id, started, log));
        }
        try {
            chain.proceed();
        } catch (RuntimeException failure) {
            boolean closing = ConnectionClose.closes(failure);
            if (failure instanceof CloseConnectionException || !(closing || ConnectionClose.asksToClose(req))) {
                throw failure;
            }
            // Answered here rather than by the routing's error handler, so that the connection can
            // close after it: an error handler cannot end the exchange without a warning of Helidon's.
            ProblemMapper.handle(req, res, failure);
            if (closing) {
                throw new CloseConnectionException("the request's framing cannot be trusted");
            }
        }
        ConnectionClose.ifRequested(req, res);
    }

    /**
     * The raw path of a request that matched no route, so an operator can see what a client asked for: at most
     * {@value #MAX_LOGGED_PATH} characters, anything but visible ASCII as {@code ?}, no query string.
     */
    static String loggablePath(RoutingRequest req) {
        String raw = req.prologue().uriPath().rawPath();
        StringBuilder path = new StringBuilder(Math.min(raw.length(), MAX_LOGGED_PATH) + 1);
        for (int i = 0; i < raw.length() && i < MAX_LOGGED_PATH; i++) {
            char c = raw.charAt(i);
            path.append(c > ' ' && c < 0x7f ? c : '?');
        }
        return raw.length() > MAX_LOGGED_PATH ? path.append('…').toString() : path.toString();
    }

    private void sent(RoutingRequest req, RoutingResponse res, RequestId id, long started, boolean log) {
        long nanos = System.nanoTime() - started;
        int status = res.status().code();
        String route = req.matchingPattern()
                .or(() -> status == 404 ? Optional.empty() : templateOf.apply(req.prologue().uriPath().path()))
                .orElse(null);
        if (metrics != null) {
            metrics.record(req.prologue().method(), route, status, nanos);
        }
        if (log) {
            // Built here rather than as a MessageFormat pattern: one line per request, parsed each time otherwise.
            ACCESS_LOG.log(System.Logger.Level.INFO, id.value() + ' ' + req.prologue().method().text() + ' '
                    + (route != null ? route : status == 404 ? HttpRequestMetrics.UNMATCHED + ' ' + loggablePath(req)
                    : HttpRequestMetrics.UNMATCHED) + ' ' + status
                    + ' ' + TimeUnit.NANOSECONDS.toMillis(nanos) + "ms");
        }
    }
}
