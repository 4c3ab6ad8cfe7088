package app.todo.application.port.in;

import app.todo.domain.task.TaskId;

import java.util.Objects;
import java.util.OptionalLong;

/** {@code expectedVersion} comes from {@code If-Match}; empty means "whatever is stored". */
public record UpdateTaskCommand(TaskOwner owner, TaskId taskId, TaskFieldChanges changes,
                                OptionalLong expectedVersion) {
    public UpdateTaskCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
}
