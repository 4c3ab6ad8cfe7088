package app.todo.adapter.in.http.account;

import app.todo.adapter.in.http.auth.Ed25519TokenIssuer;
import app.todo.domain.user.Email;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;

import java.time.Instant;
import java.util.Objects;

/**
 * Issues the token a successful sign-up or sign-in answers with. The core never sees tokens: it says
 * who signed in, and the edge turns that into a bearer token.
 */
@FunctionalInterface
public interface SessionTokens {

    /** An access token of {@code user} in the session {@code sessionId} ({@code sid}). */
    Session issue(User user, String sessionId);

    /**
     * Tokens of the service's own EdDSA key. They never claim the admin role: the verifier lets a
     * token's {@code role: admin} grant admin for as long as the token lives (right for Better Auth,
     * whose tokens speak for its admin plugin), so an own token claiming it would keep a demoted admin
     * in power until it expires. The stored role decides instead, from the very next request; clients
     * read the role from the {@code user} of the answer.
     */
    static SessionTokens signedBy(Ed25519TokenIssuer issuer) {
        return (user, sessionId) -> {
            Ed25519TokenIssuer.IssuedToken issued = issuer.issue(user.id().value(),
                    user.emailAddress().map(Email::value).orElse(null), user.name(), sessionId);
            return new Session(issued.token(), issued.expiresAt());
        };
    }

    /** A compact JWT and the instant its {@code exp} names. Never prints the token. */
    record Session(String token, Instant expiresAt) {
        public Session {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "Session[expiresAt=" + expiresAt + "]";
        }
    }
}
