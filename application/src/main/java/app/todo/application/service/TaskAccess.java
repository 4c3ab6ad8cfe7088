package app.todo.application.service;

import app.todo.application.port.in.TaskError;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskId;

import java.util.Optional;
import java.util.OptionalLong;

/** What every task use case finds out about the task it touches (its owner was checked by {@link app.todo.application.port.in.TaskOwner}). */
final class TaskAccess {

    private TaskAccess() {
    }

    static Result<Task, TaskError> found(Optional<Task> task, TaskId id) {
        return task.<Result<Task, TaskError>>map(Result::ok).orElseGet(() -> Result.err(new TaskError.TaskNotFound(id.value())));
    }

    static Result<Task, TaskError> atVersion(Task task, OptionalLong expected) {
        if (expected.isPresent() && !task.hasVersion(expected.getAsLong())) {
            return Result.err(new TaskError.StaleVersion(expected.getAsLong(), task.version()));
        }
        return Result.ok(task);
    }
}
