package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.task.Task;

public interface GetTaskUseCase {
    Result<Task, TaskError> getTask(GetTaskQuery query);
}
