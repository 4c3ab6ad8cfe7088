package app.todo.application.port.in;

import app.todo.domain.user.User;

import java.util.Objects;

/** A session for a user who just proved who they are (sign-up, sign-in); {@code userAgent} may be null. */
public record StartSessionCommand(User user, String userAgent) {
    public StartSessionCommand {
        Objects.requireNonNull(user, "user");
    }
}
