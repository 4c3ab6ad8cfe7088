package app.todo.adapter.http.account;

import app.todo.domain.user.User;

import java.time.Instant;
import java.util.Objects;

/**
 * Issues the token a successful sign-up or sign-in answers with. The core never sees tokens: it says
 * who signed in, and the edge turns that into a bearer token.
 */
@FunctionalInterface
public interface SessionTokens {

    Session issue(User user);

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
