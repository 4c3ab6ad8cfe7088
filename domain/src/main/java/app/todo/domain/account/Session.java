package app.todo.domain.account;

import app.todo.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in session of the service's own accounts (docs/rules.md §2): it lives until {@code expiresAt}
 * ({@code AUTH_SESSION_TTL} after its last refresh) unless revoked (sign-out, a revocation by its user,
 * a password change, an admin disabling the user, or a reused refresh token). {@code id} is opaque.
 */
public record Session(String id, UserId userId, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                      String userAgent, Instant revokedAt) {

    /** User agents longer than this are cut: it is a hint for the user, not an identifier. */
    public static final int MAX_USER_AGENT = 512;

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (userAgent != null) {
            String cleaned = userAgent.codePoints().filter(c -> c >= 0x20 && c != 0x7f && !Character.isSurrogate((char) c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            userAgent = cleaned.length() > MAX_USER_AGENT ? cleaned.substring(0, MAX_USER_AGENT) : cleaned;
        }
    }

    public boolean isLive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
