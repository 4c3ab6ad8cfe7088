package app.todo.adapter.in.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP server listens and what it refuses to hold: every limit bounds what one client can make
 * the server buffer or keep open.
 *
 * @param host           interface to bind, e.g. {@code 0.0.0.0}
 * @param port           TCP port; 0 picks a free one (tests)
 * @param maxBodyBytes   largest accepted request body; larger is a 413 (the contract says 64 KiB)
 * @param maxHeaderBytes largest accepted header block; must leave room for an 8 KiB token
 * @param idleTimeout    how long a kept-alive connection may sit idle before it is closed
 */
public record HttpConfig(String host, int port, int maxBodyBytes, int maxHeaderBytes, Duration idleTimeout) {

    /** All interfaces: a container or a server behind a proxy is reached from outside. */
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public HttpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535 (got " + port + ")");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (maxHeaderBytes < 8 * 1024 + 512) {
            throw new IllegalArgumentException("maxHeaderBytes must leave room for an 8 KiB bearer token");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
    }

    /** All interfaces, the given port, the contract's limits. */
    public static HttpConfig onPort(int port) {
        return new HttpConfig(DEFAULT_HOST, port, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_HEADER_BYTES, DEFAULT_IDLE_TIMEOUT);
    }
}
