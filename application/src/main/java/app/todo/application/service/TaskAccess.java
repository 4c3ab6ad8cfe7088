package app.todo.application.service;

import app.todo.application.port.in.TaskError;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskId;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** The rules every task use case applies before it touches a task. */
final class TaskAccess {

    private TaskAccess() {
    }

    /** Runs the work only when the caller may act on the owner's tasks. */
    static <T> Result<T, TaskError> asOwner(User caller, UserId owner, Supplier<Result<T, TaskError>> work) {
        if (!caller.mayManageTasksOf(owner)) {
            return Result.err(new TaskError.NotYourTasks(owner.value()));
        }
        return work.get();
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
