package app.todo.application.port.in;

import app.todo.domain.task.Change;
import app.todo.domain.user.UserId;

import java.util.Objects;

/**
 * An admin's change to one user, as sent: {@code role} ({@code "user"} or {@code "admin"}) and
 * {@code disabled} each kept or set; at least one must be set, and neither to {@code null}.
 */
public record ChangeUserCommand(Administrator admin, UserId userId, Change<String> role, Change<Boolean> disabled) {
    public ChangeUserCommand {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(disabled, "disabled");
    }
}
