package app.todo.application.port.in;

import app.todo.domain.task.TaskId;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.util.Objects;

public record GetTaskQuery(User caller, UserId owner, TaskId taskId) {
    public GetTaskQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(taskId, "taskId");
    }
}
