package app.todo.adapter.in.http.auth;

import app.todo.domain.user.IdentitySource;

import java.time.Instant;
import java.util.Objects;

/**
 * What a verified token says, and which source vouched for it. {@code userId} comes from {@code sub},
 * else {@code id}, else {@code user_id}. {@code email} and {@code name} may be {@code null}.
 * {@code admin} and {@code banned} are the token's claims; whether they count is the application's call.
 */
public record VerifiedToken(String userId, String email, String name, boolean admin, boolean banned,
                            Instant expiresAt, IdentitySource source, String sessionId) {
    public VerifiedToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(source, "source");
    }

    /** A token that names no session. */
    public VerifiedToken(String userId, String email, String name, boolean admin, boolean banned, Instant expiresAt,
                         IdentitySource source) {
        this(userId, email, name, admin, banned, expiresAt, source, null);
    }
}
