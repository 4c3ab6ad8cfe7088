package app.todo.application.port.out;

import app.todo.domain.user.IdentitySource;

import java.time.Instant;
import java.util.Objects;

/**
 * What a verified token says, and which source vouched for it. {@code userId} comes from {@code sub},
 * else {@code id}, else {@code user_id}. {@code email}, {@code name} and {@code sessionId} ({@code sid})
 * may be {@code null}. {@code admin} and {@code banned} are the token's claims; whether they count is the
 * application's call.
 */
public record VerifiedAccessToken(String userId, String email, String name, boolean admin, boolean banned,
                                  Instant expiresAt, IdentitySource source, String sessionId) {
    public VerifiedAccessToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(source, "source");
    }

    /** A token that names no session. */
    public VerifiedAccessToken(String userId, String email, String name, boolean admin, boolean banned,
                               Instant expiresAt, IdentitySource source) {
        this(userId, email, name, admin, banned, expiresAt, source, null);
    }
}
