package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.task.Task;

public interface UpdateTaskUseCase {
    Result<Task, TaskError> updateTask(UpdateTaskCommand command);
}
