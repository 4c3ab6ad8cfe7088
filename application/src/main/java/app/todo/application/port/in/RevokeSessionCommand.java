package app.todo.application.port.in;

import app.todo.domain.user.User;

/** Ends one of the caller's sessions. */
public record RevokeSessionCommand(User caller, String sessionId) {
}
