package app.todo.application.service.counterexample;

import app.todo.application.port.in.GetTaskQuery;
import app.todo.application.port.in.GetTaskUseCase;
import app.todo.application.port.in.TaskError;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Task;

/** Counterexample: implements a use case but is not named *Service. */
public final class TaskFetcher implements GetTaskUseCase {
    @Override
    public Result<Task, TaskError> getTask(GetTaskQuery query) {
        throw new UnsupportedOperationException();
    }
}
