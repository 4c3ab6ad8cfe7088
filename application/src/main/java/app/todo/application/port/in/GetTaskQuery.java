package app.todo.application.port.in;

import app.todo.domain.task.TaskId;

import java.util.Objects;

public record GetTaskQuery(TaskOwner owner, TaskId taskId) {
    public GetTaskQuery {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(taskId, "taskId");
    }
}
