package app.todo.application.port.in;

import app.todo.domain.task.TaskId;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.util.Objects;
import java.util.OptionalLong;

public record DeleteTaskCommand(User caller, UserId owner, TaskId taskId, OptionalLong expectedVersion) {
    public DeleteTaskCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
}
