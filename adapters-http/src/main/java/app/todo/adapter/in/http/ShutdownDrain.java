package app.todo.adapter.in.http;

import app.todo.adapter.in.http.problem.ConnectionClose;
import app.todo.adapter.in.http.problem.Problem;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first phase of a graceful stop behind a load balancer (docs/operations.md, "Rolling restarts"): once
 * {@link #begin()} is called, {@code /health/ready} answers {@code 503} so the balancer takes the instance out,
 * while every other request is still served, each answer with {@code Connection: close} so that clients and the
 * balancer open their next connection elsewhere. After the drain time the caller stops the server, which then
 * has no idle keep-alive connection left on which a request could be lost.
 */
public final class ShutdownDrain implements Filter {

    private final AtomicBoolean draining = new AtomicBoolean();

    /** From now on, not ready and closing every connection after its answer. */
    public void begin() {
        draining.set(true);
    }

    public boolean isDraining() {
        return draining.get();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!draining.get()) {
            chain.proceed();
            return;
        }
        if ((req.prologue().method() == Method.GET || req.prologue().method() == Method.HEAD)
                && req.prologue().uriPath().path().equals("/health/ready")) {
            throw ConnectionClose.closing(Problem.of(Status.SERVICE_UNAVAILABLE_503,
                    "This instance is shutting down; send requests to another one.").withHeader("Retry-After", "1"))
                    .raise();
        }
        res.header(HeaderNames.CONNECTION, "close");
        chain.proceed();
    }
}
