package app.todo.adapter.in.http;

import app.todo.adapter.in.http.account.AccountRoutes;
import app.todo.adapter.in.http.problem.Problem;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission in front of the work (docs/operations.md, "Many connections"): at most {@code permits} requests run at
 * once; the rest wait first come, first served, parked before any work with almost no stack, for up to
 * {@code wait}, and at most {@code maxWaiting} of them; past either, {@code 503} with {@code Retry-After}. Without
 * it, 1,000 connections meant 1,000 requests deep in the code at once, waiting for 16 database connections with
 * their stacks on the heap: full collections took most of the time and throughput fell to half.
 *
 * <p>The health and metrics routes are never held in line: a liveness probe must answer while the service is
 * busy, or an orchestrator restarts it for being busy. Hand-written rather than Helidon's concurrency limit, which
 * applies to every request of a listener alike.
 */
final class AdmissionFilter implements Filter {

    private final Semaphore permits;
    private final Semaphore waiting;
    private final long waitNanos;

    AdmissionFilter(int permits, int maxWaiting, Duration wait) {
        this.permits = new Semaphore(permits, true);
        this.waiting = new Semaphore(maxWaiting);
        this.waitNanos = wait.toNanos();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.prologue().uriPath().path();
        // Live streams last as long as their clients: held in line, a few would keep every other request waiting.
        // Password checks wait in the hasher's own bounded line (a core's worth of Argon2 at a time): holding a
        // permit there too, a sign-in flood from many addresses kept every other request waiting.
        if (path.startsWith("/health/") || path.equals("/metrics") || TaskEventRoutes.isStream(path)
                || AccountRoutes.hashesPasswords(path)) {
            chain.proceed();
            return;
        }
        if (!admittedAtOnce()) {
            awaitPermit();
        }
        try {
            chain.proceed();
        } finally {
            permits.release();
        }
    }

    /** A free permit, when no request is already waiting for one (the timed form keeps the fair order). */
    private boolean admittedAtOnce() {
        try {
            return permits.tryAcquire(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    /** In line behind every request already waiting: the timed tryAcquire keeps a fair semaphore's order (the plain one barges). */
    private void awaitPermit() {
        if (!waiting.tryAcquire()) {
            throw busy();
        }
        try {
            if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.release();
        }
    }

    /** The {@code 503} with {@code Retry-After} of a request that found no room: a permit, a place in line, memory for its body. */
    private static RuntimeException busy() {
        return busyProblem().raise();
    }

    static Problem busyProblem() {
        return Problem.of(Status.SERVICE_UNAVAILABLE_503, "The service is busy right now; try again in a second.")
                .withHeader("Retry-After", "1");
    }
}
