package app.todo.application.port.in;

import app.todo.domain.task.TaskId;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code completed} empty toggles the task; present sets it. */
public record CompleteTaskCommand(TaskOwner owner, TaskId taskId, Optional<Boolean> completed,
                                  OptionalLong expectedVersion) {
    public CompleteTaskCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(completed, "completed");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
}
