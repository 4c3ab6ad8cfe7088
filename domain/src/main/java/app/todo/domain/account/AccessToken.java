package app.todo.domain.account;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token the service issued: the compact JWS a client sends as {@code Authorization: Bearer …}
 * and the instant its {@code exp} names (for the {@code expires_at} of sign-in answers). Never prints the token.
 */
public record AccessToken(String compactJws, Instant expiresAt) {
    public AccessToken {
        Objects.requireNonNull(compactJws, "compactJws");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
