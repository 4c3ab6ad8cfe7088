package app.todo.application.port.in;

import app.todo.domain.task.TaskId;

import java.util.Objects;
import java.util.OptionalLong;

public record DeleteTaskCommand(TaskOwner owner, TaskId taskId, OptionalLong expectedVersion) {
    public DeleteTaskCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
}
