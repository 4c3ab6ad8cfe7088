package app.todo.application.port.in;

import app.todo.domain.task.TaskId;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code completed} empty toggles the task; present sets it. */
public record CompleteTaskCommand(User caller, UserId owner, TaskId taskId, Optional<Boolean> completed,
                                  OptionalLong expectedVersion) {
    public CompleteTaskCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(completed, "completed");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
}
