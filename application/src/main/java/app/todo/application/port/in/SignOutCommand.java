package app.todo.application.port.in;

import app.todo.domain.user.User;

/** Ends the caller's session {@code sessionId} (the one its access token belongs to). */
public record SignOutCommand(User caller, String sessionId) {
}
