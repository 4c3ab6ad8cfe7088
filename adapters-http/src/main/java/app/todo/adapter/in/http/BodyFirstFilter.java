package app.todo.adapter.in.http;

import app.todo.adapter.in.http.problem.ConnectionClose;
import app.todo.adapter.in.http.problem.RequestId;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.Method;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Reads a request's body off the connection before the request waits for admission (docs/operations.md, "Many
 * connections"). A client that sends its headers and then its body slowly, or never, holds its own connection and
 * nothing more: not one of the few permits of {@link AdmissionFilter} that every other request needs. The body, or
 * how reading it failed, goes into the request's context for {@link RequestBodies}, which answers a failure only
 * where a route asks for the body, so 401, 403 and 404 keep coming first.
 *
 * <p>Bounded twice. Bodies held at once take at most {@code budgetBytes} of memory, counted as their bytes arrive
 * (a header's announced length costs nothing) and kept until their requests end; a body that finds no room for its
 * next bytes within {@code wait} gets {@code 503} and its connection closes. A body must arrive within {@code deadline} once its
 * read begins: past it, the connection closes without an answer ({@link ReadDeadline}).
 */
final class BodyFirstFilter implements Filter {

    private static final System.Logger LOG = System.getLogger(BodyFirstFilter.class.getName());
    /**
     * The methods whose routes read a body. Any other request's body is read and dropped as it arrives, within the
     * same deadline, so it holds no memory ({@link #discardWithinDeadline}).
     */
    private static final Set<Method> WITH_BODY = Set.of(Method.POST, Method.PUT, Method.PATCH);

    private final RequestBodies bodies;
    private final Semaphore budget;
    private final long waitNanos;
    private final Duration deadline;

    /**
     * @param budgetBytes bytes of bodies held at once, at most {@link Integer#MAX_VALUE}; at least one body's limit
     * @param wait        how long a request waits for room in the budget before its {@code 503}
     * @param deadline    how long a request's body may take to arrive once its read begins
     */
    BodyFirstFilter(RequestBodies bodies, long budgetBytes, Duration wait, Duration deadline) {
        this.bodies = bodies;
        this.budget = new Semaphore((int) Math.min(budgetBytes, Integer.MAX_VALUE), true);
        this.waitNanos = wait.toNanos();
        this.deadline = deadline;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!req.content().hasEntity()) {
            chain.proceed();
            return;
        }
        if (!WITH_BODY.contains(req.prologue().method())) {
            discardWithinDeadline(req);
            chain.proceed();
            return;
        }
        int[] held = {0};
        try {
            RequestBodies.ReadAhead body = readWithinDeadline(req, bytes -> {
                reserve(bytes);
                held[0] += bytes;
            });
            if (body.body() == null) { // a failure keeps nothing of what was read
                budget.release(held[0]);
                held[0] = 0;
            }
            req.context().register(body);
            chain.proceed();
        } finally {
            budget.release(held[0]);
        }
    }

    private RequestBodies.ReadAhead readWithinDeadline(RoutingRequest req, IntConsumer room) {
        ReadDeadline watch = ReadDeadline.start(deadline);
        byte[] body = null;
        RuntimeException failure = null;
        try {
            body = bodies.read(req, room);
        } catch (RuntimeException e) {
            failure = e;
        }
        endIfCut(req, watch, failure);
        return new RequestBodies.ReadAhead(body, failure);
    }

    /**
     * A body no route reads (a {@code GET}'s, a {@code DELETE}'s), read and dropped within the deadline before the
     * request goes on. Left for Helidon to read away after the answer, it had no time limit: a client that sent a
     * chunk now and then kept its connection as long as it liked.
     */
    private void discardWithinDeadline(RoutingRequest req) {
        ReadDeadline watch = ReadDeadline.start(deadline);
        RuntimeException failure = null;
        try (InputStream in = req.content().inputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            failure = new UncheckedIOException(e);
        } catch (DataReader.InsufficientDataAvailableException | CloseConnectionException ended) {
            // Helidon's words for a connection that ended before the body did: the client went away, no failure of ours.
            failure = new UncheckedIOException(new EOFException("the connection ended before the request body did"));
        } catch (RuntimeException e) {
            failure = e;
        }
        endIfCut(req, watch, failure);
        if (failure != null) {
            throw failure; // malformed or too large: Helidon's answer, as before
        }
    }

    /**
     * Ends the exchange unanswered when the body's read was cut short: by the deadline (the socket was closed under
     * the read, which may even have ended as if the body were complete) or by the client going away.
     */
    private void endIfCut(RoutingRequest req, ReadDeadline watch, RuntimeException failure) {
        if (watch.finish()) {
            Thread.interrupted(); // the interrupt was this filter's and is spent: nothing later may see it
            throw closed(req, "its body did not arrive within " + seconds() + " seconds", failure);
        }
        if (failure instanceof UncheckedIOException) {
            throw closed(req, "the client went away while sending its body", failure);
        }
    }

    private long seconds() {
        return deadline.toSeconds();
    }

    /**
     * Ends the exchange without an answer, with one line in the log instead of the access log's (which is written
     * when an answer goes out) and of Helidon's warning with a stack trace for an answer it could not send.
     */
    private static CloseConnectionException closed(RoutingRequest req, String why, RuntimeException cause) {
        String id = RequestId.of(req).value();
        LOG.log(System.Logger.Level.INFO, () -> id + ' ' + req.prologue().method().text() + ' '
                + RequestLogFilter.loggablePath(req) + " closed without an answer: " + why);
        return new CloseConnectionException(why, cause);
    }

    /**
     * Room for {@code bytes} more in the budget, in arrival order (the timed tryAcquire keeps a fair semaphore's
     * order); else a {@code 503} that closes the connection, since the rest of the body stays unread.
     */
    private void reserve(int bytes) {
        try {
            if (budget.tryAcquire(bytes, waitNanos, TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw ConnectionClose.closing(AdmissionFilter.busyProblem()).raise();
    }
}
