package app.todo.adapter.in.http.problem;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Locale;

/**
 * Closes the connection once a response has gone out to a request that asked for it
 * ({@code Connection: close}, RFC 9112 §9.6). Helidon 4.3 answers with {@code Connection: close} but keeps
 * reading the socket until the idle timeout (helidon-io/helidon#12324, fixed after 4.5.3, which does not
 * resolve here); ending the exchange with {@link CloseConnectionException} makes it close the socket.
 */
public final class ConnectionClose {

    private ConnectionClose() {
    }

    /** Call after the response is sent; returns normally when the connection may stay open. */
    public static void ifRequested(ServerRequest req, ServerResponse res) {
        if (res.isSent() && asksToClose(req)) {
            throw new CloseConnectionException("the client asked to close the connection");
        }
    }

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
