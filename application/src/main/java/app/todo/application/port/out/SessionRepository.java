package app.todo.application.port.out;

import app.todo.domain.account.Session;
import app.todo.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sessions of the service's own accounts and their refresh tokens, which are stored only as hashes
 * (SHA-256, hex). Refresh tokens rotate (OAuth 2.0 Security BCP): each is spent by its one use, and the
 * use of a spent one revokes its whole session.
 */
public interface SessionRepository {

    /** Stores a new session and its first refresh token's hash. */
    void create(Session session, String refreshTokenHash);

    Optional<Session> find(String sessionId);

    /** The user's sessions that are neither revoked nor expired at {@code now}, newest first. */
    List<Session> liveSessionsOf(UserId user, Instant now);

    /**
     * Spends the refresh token with hash {@code presented} and issues {@code next} in its place, in one
     * atomic step: either the old token still works or the new one does, never neither nor both. The
     * session slides to {@code newExpiry} and is marked used at {@code now}. A token already spent is a replay
     * ({@link Rotation.Reused}, the session revoked) unless it was spent after {@code graceStart}: then it is
     * another tab refreshing at the same moment, and {@code next} is issued beside the first successor.
     */
    Rotation rotate(String presented, String next, Instant now, Instant newExpiry, Instant graceStart);

    /** Revokes one session (idempotent); false when there is no such session. */
    boolean revoke(String sessionId, Instant now);

    /** Revokes every live session of the user, but {@code except} when given. */
    void revokeAllOf(UserId user, Instant now, Optional<String> except);

    /** How a rotation went. */
    sealed interface Rotation {
        record Rotated(Session session) implements Rotation {
        }

        /** No refresh token has that hash. */
        record Unknown() implements Rotation {
        }

        /** The session is revoked or expired. */
        record Ended(String sessionId) implements Rotation {
        }

        /** The token was already spent: someone replayed it, so the whole session is now revoked. */
        record Reused(String sessionId) implements Rotation {
        }
    }
}
