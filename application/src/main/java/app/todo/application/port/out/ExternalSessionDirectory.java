package app.todo.application.port.out;

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
     * A session token as the client presented it. {@code cookieName} is set when it came in a cookie
     * (the value then as the browser sent it, signed and URL-encoded), empty for a bearer token.
     */
    record SessionCredential(String token, Optional<String> cookieName) {
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
