package app.todo.domain.account;

import java.util.Objects;
import java.util.Optional;

/**
 * A session token as the client presented it. {@code cookieName} is set when it came in a cookie
 * (the value then as the browser sent it, signed and URL-encoded), empty for a bearer token.
 * {@code clientAddress} is the address of the client that presented it (an IP literal), when known: lookups
 * are limited per client, and the identity provider is told who asks, so its own rate limiter counts that
 * client rather than this service.
 */
public record SessionCredential(String token, Optional<String> cookieName, Optional<String> clientAddress) {
    public SessionCredential {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(cookieName, "cookieName");
        Objects.requireNonNull(clientAddress, "clientAddress");
    }

    public static SessionCredential bearer(String token) {
        return new SessionCredential(token, Optional.empty(), Optional.empty());
    }

    public static SessionCredential cookie(String name, String value) {
        return new SessionCredential(value, Optional.of(name), Optional.empty());
    }

    /** This credential as presented by the client at {@code address}. */
    public SessionCredential from(String address) {
        return new SessionCredential(token, cookieName, Optional.ofNullable(address));
    }

    @Override
    public String toString() {
        return "SessionCredential[" + cookieName.map(name -> "cookie " + name).orElse("bearer") + ", token=(hidden)]";
    }
}
