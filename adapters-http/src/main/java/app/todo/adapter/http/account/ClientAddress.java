package app.todo.adapter.http.account;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/** Where a request comes from, as far as rate limits are concerned. */
public enum ClientAddress {

    /** The peer of the TCP connection: right when clients connect directly (the default). */
    SOCKET,

    /**
     * The address the reverse proxy in front of the service saw: the last {@code X-Forwarded-For}
     * entry, which that proxy appended (entries before it are the client's to invent). Only for a
     * service reachable solely through one such proxy; otherwise a client picks its own address.
     */
    LAST_FORWARDED_FOR;

    private static final HeaderName FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");

    public String of(ServerRequest req) {
        if (this == LAST_FORWARDED_FOR) {
            List<String> values = req.headers().all(FORWARDED_FOR, List::of);
            if (!values.isEmpty()) {
                String last = values.getLast();
                String address = last.substring(last.lastIndexOf(',') + 1).strip();
                if (!address.isEmpty()) {
                    return address;
                }
            }
        }
        SocketAddress peer = req.remotePeer().address();
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : req.remotePeer().host();
    }
}
