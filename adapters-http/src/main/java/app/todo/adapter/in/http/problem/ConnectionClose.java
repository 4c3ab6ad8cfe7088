package app.todo.adapter.in.http.problem;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Locale;

/**
 * Closes the connection once a response has gone out to a request that asked for it
 * ({@code Connection: close}, RFC 9112 §9.6). Helidon 4.3 answers with {@code Connection: close} but keeps
 * reading the socket until the idle timeout (fixed in a later Helidon than resolves here; docs/api.md,
 * "Request framing"); ending the exchange with {@link CloseConnectionException} makes it close the socket.
 */
public final class ConnectionClose {

    private ConnectionClose() {
    }

    /**
     * Call after the response is sent; returns normally when the connection may stay open. It closes when the
     * client asked to, and when the answer said so (a problem made by {@link #closing}, whichever handler wrote it).
     */
    public static void ifRequested(ServerRequest req, ServerResponse res) {
        if (res.isSent() && (asksToClose(req) || saysClose(res))) {
            throw new CloseConnectionException("the client asked to close the connection, or its framing is broken");
        }
    }

    private static boolean saysClose(ServerResponse res) {
        return res.headers().first(HeaderNames.CONNECTION).map(value -> value.equalsIgnoreCase("close")).orElse(false);
    }

    /**
     * Whether answering {@code failure} must close the connection: a problem that says {@code Connection: close}
     * (a request whose framing cannot be trusted, so where the next request starts is unknown).
     */
    public static boolean closes(Throwable failure) {
        return failure instanceof ProblemException problem
                && "close".equalsIgnoreCase(problem.problem().headers().getOrDefault(CLOSE_HEADER, ""));
    }

    /** A problem that must end its connection once answered. */
    public static Problem closing(Problem problem) {
        return problem.withHeader(CLOSE_HEADER, "close");
    }

    private static final String CLOSE_HEADER = HeaderNames.CONNECTION.defaultCase();

    /** Whether the request carries {@code Connection: close}. */
    public static boolean asksToClose(ServerRequest req) {
        for (String value : req.headers().values(HeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                if (token.strip().toLowerCase(Locale.ROOT).equals("close")) {
                    return true;
                }
            }
        }
        return false;
    }
}
