package app.todo.application.port.in;

import app.todo.domain.user.User;

/** The caller's live sessions. */
public record ListSessionsQuery(User caller) {
}
