package app.todo.domain.account;

import java.util.Objects;
import java.util.Optional;

/**
 * A session token as the client presented it. {@code cookieName} is set when it came in a cookie
 * (the value then as the browser sent it, signed and URL-encoded), empty for a bearer token.
 */
public record SessionCredential(String token, Optional<String> cookieName) {
    public SessionCredential {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(cookieName, "cookieName");
    }

    public static SessionCredential bearer(String token) {
        return new SessionCredential(token, Optional.empty());
    }

    public static SessionCredential cookie(String name, String value) {
        return new SessionCredential(value, Optional.of(name));
    }

    @Override
    public String toString() {
        return "SessionCredential[" + cookieName.map(name -> "cookie " + name).orElse("bearer") + ", token=(hidden)]";
    }
}
