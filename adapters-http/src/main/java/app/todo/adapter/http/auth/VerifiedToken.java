package app.todo.adapter.http.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * What a verified token says. {@code userId} comes from {@code sub}, else {@code id}, else
 * {@code user_id}. {@code email} and {@code name} may be {@code null}.
 */
public record VerifiedToken(String userId, String email, String name, boolean admin, boolean banned,
                            Instant expiresAt) {
    public VerifiedToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
