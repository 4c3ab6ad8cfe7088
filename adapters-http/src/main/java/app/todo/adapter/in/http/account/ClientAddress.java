package app.todo.adapter.in.http.account;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

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

    /** The one key of every forwarded address that is not an IP literal. */
    static final String UNPARSEABLE = "unparseable-forwarded-address";

    private static final HeaderName FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");

    /**
     * A dotted-quad IPv4 literal, or an IPv6 one (hex, colons and dots, at least one colon): the JDK parses
     * both without DNS, and refuses a malformed IPv6 one instead of looking it up.
     */
    private static final Pattern IP_LITERAL =
            Pattern.compile("^(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*)$");

    /**
     * The rate-limit key of the request's client: an IPv4 address, or the /64 network of an IPv6
     * address, since one IPv6 client commonly holds a whole /64 and could otherwise spread its attempts
     * over 2^64 keys.
     */
    public String of(ServerRequest req) {
        if (this == LAST_FORWARDED_FOR) {
            List<String> values = req.headers().all(FORWARDED_FOR, List::of);
            if (!values.isEmpty()) {
                String last = values.getLast();
                String address = last.substring(last.lastIndexOf(',') + 1).strip();
                if (!address.isEmpty()) {
                    return key(address);
                }
            }
        }
        SocketAddress peer = req.remotePeer().address();
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null
                ? key(inet.getAddress())
                : req.remotePeer().host();
    }

    /**
     * {@code address} as a key, a port ({@code 10.0.0.1:4444}, {@code [2001:db8::1]:4444}) stripped; anything
     * that is not an IP literal ({@code unknown}, an obfuscated RFC 7239 name, garbage) is {@link #UNPARSEABLE},
     * one key for all, so a made-up value never buys a fresh bucket.
     */
    static String key(String address) {
        String literal = withoutPort(address.strip());
        if (literal.length() > 45 || !IP_LITERAL.matcher(literal).matches()
                || (!literal.contains(":") && Arrays.stream(literal.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255))) {
            return UNPARSEABLE; // so getByName below only ever parses a literal, never asks DNS
        }
        try {
            return key(InetAddress.getByName(literal));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return UNPARSEABLE;
        }
    }

    private static String withoutPort(String address) {
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end > 0 ? address.substring(1, end) : address;
        }
        int colon = address.indexOf(':');
        return colon > 0 && colon == address.lastIndexOf(':') ? address.substring(0, colon) : address; // IPv4:port
    }

    static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are always an IPv6 address", e);
            }
        }
        return address.getHostAddress();
    }
}
