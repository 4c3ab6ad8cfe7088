package app.todo.application.port.out;

import app.todo.domain.account.SessionCredential;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The frontend's identity provider, asked who holds a session (Better Auth's
 * {@code GET /api/auth/get-session}). Implementations never log the token.
 */
public interface ExternalSessionDirectory {

    /**
     * The session's user, or empty when the provider says the session is unknown, expired or signed out.
     *
     * @throws IdentityProviderUnavailableException when the provider cannot be asked right now
     *                                              (unreachable, too slow, an unexpected answer)
     */
    Optional<ExternalSession> find(SessionCredential credential);

    /**
     * What the provider says of a live session: the user, and (admin plugin) {@code role} and
     * {@code banned}; {@code expiresAt} may be null when the provider does not say.
     */
    record ExternalSession(String userId, String email, String name, String role, boolean banned, Instant expiresAt) {
        public ExternalSession {
            Objects.requireNonNull(userId, "userId");
        }
    }
}
