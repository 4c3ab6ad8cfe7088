package app.todo.application.port.in;

import app.todo.domain.account.Session;

import java.time.Instant;

/** Opens a session of the service's own accounts (docs/rules.md §2) with its first refresh token. */
public interface StartSessionUseCase {

    IssuedSession start(StartSessionCommand command);

    /** The session and its refresh token, in plain text only here, to hand to the client once. */
    record IssuedSession(Session session, String refreshToken) {
        public Instant refreshExpiresAt() {
            return session.expiresAt();
        }

        @Override
        public String toString() {
            return "IssuedSession[" + session.id() + ", refreshToken=(hidden)]";
        }
    }
}
